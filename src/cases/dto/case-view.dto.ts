import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ALL_FORMS, CATEGORIES, CHANNELS, codesOf, PERPETRATORS, SEXES } from '../../domain/codes';
import { CASE_STATUSES } from '../../domain/workflow';
import { DEADLINE_KINDS } from '../deadlines';
import { AssigneeDto } from './assignment.dto';
import { TransferViewDto } from './transfer.dto';
import {
  AssessmentDto,
  CaseMeetingDto,
  CasePlanDto,
  EmergencyActionRecordDto,
  TimelineEntryDto,
} from './case-file.dto';
import { InterventionSummaryDto, InterventionViewDto } from './intervention-view.dto';
import { STEP_ENDPOINT_NAMES } from '../../domain/workflow';
import { RISK_LEVELS } from './workflow.dto';
import { ConsentRecordDto, DisclosureRecordDto } from '../consent/dto/consent-record.dto';

export class CaseChildDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Age in years when the date of birth is unknown' })
  estimatedAge!: number | null;
  @ApiProperty({ enum: codesOf(SEXES) }) sex!: string;
  @ApiProperty({ type: String, nullable: true }) residenceAreaCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
}

/** Who reported, as the reporter gave it: shown only when they agreed to be contacted. */
export class ReporterViewDto {
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) relationship!: string | null;
  @ApiProperty() consentToContact!: boolean;
}

/** A parent or caregiver as a report named them. */
export class CaregiverViewDto {
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) relationship!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
}

export class CaseReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: codesOf(CHANNELS) }) channel!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiPropertyOptional({
    type: ReporterViewDto,
    description: 'Child-protection roles only, and only when the reporter consented to be contacted',
  })
  reporter?: ReporterViewDto;
}

export class CaseDeadlineDto {
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) metAt!: string | null;
  @ApiProperty({ description: 'Past due and not met, on an open case' }) overdue!: boolean;
}

export class PossibleDuplicateDto {
  @ApiProperty({ format: 'uuid' }) childId!: string;
  @ApiProperty({ type: [String], description: 'Those of its cases the caller may see' }) caseNumbers!: string[];
}

const INTERVENTION_ITEMS = {
  anyOf: [{ $ref: getSchemaPath(InterventionViewDto) }, { $ref: getSchemaPath(InterventionSummaryDto) }],
};

/** What every reader of the case sees. */
export class CaseViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '46-2025-000001' }) caseNumber!: string;
  @ApiProperty({ enum: codesOf(CATEGORIES) }) category!: string;
  @ApiProperty({ enum: ALL_FORMS }) form!: string;
  @ApiProperty() fatal!: boolean;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ type: String, enum: RISK_LEVELS, nullable: true }) riskLevel!: string | null;
  @ApiProperty() emergency!: boolean;
  @ApiProperty({ enum: ['pending', 'substantiated', 'unsubstantiated'] }) substantiation!: string;
  @ApiProperty({ type: CaseChildDto }) child!: CaseChildDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) occurredAt!: string | null;
  @ApiProperty({ description: 'The commune where it happened, as first reported' }) occurredAreaCode!: string;
  @ApiProperty({ description: 'The commune the case belongs to: where it happened, until a transfer moves it' })
  areaCode!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: String, enum: codesOf(PERPETRATORS), nullable: true }) allegedPerpetrator!: string | null;
  @ApiProperty({ type: AssigneeDto, nullable: true, description: 'The officer who carries the case' })
  assignee!: AssigneeDto | null;
  @ApiProperty({
    type: TransferViewDto,
    nullable: true,
    description:
      'The latest transfer to another commune; `pending` until the target commune answers; always null for agency staff',
  })
  transfer!: TransferViewDto | null;
  @ApiProperty({ type: [CaseReportDto], description: 'For agency staff, only the reports they filed themselves' })
  reports!: CaseReportDto[];
  @ApiProperty({
    type: 'array',
    items: INTERVENTION_ITEMS,
    description: 'In full, or `{id, agency, status}` for another agency’s staff',
  })
  interventions!: (InterventionViewDto | InterventionSummaryDto)[];
  @ApiProperty({ type: [CaseDeadlineDto] }) deadlines!: CaseDeadlineDto[];
  @ApiProperty({ description: 'Send it back with the next workflow step; a stale one gets 409' }) version!: number;
  @ApiProperty({
    enum: STEP_ENDPOINT_NAMES,
    isArray: true,
    description: 'The workflow steps this caller may take now, named as their endpoints (POST /cases/{id}/<action>)',
  })
  allowedActions!: string[];
}

/**
 * Agency staff: no reporter, description, Mẫu 01 situation, assessments, plan, meetings, emergency actions, timeline,
 * duplicates or transfer, and of the reports only their own.
 */
export class AgencyCaseViewDto extends CaseViewDto {}

/** Commune officers, commune chairs and provincial officers: the whole file. */
export class ChildProtectionCaseViewDto extends CaseViewDto {
  @ApiProperty({ type: String, nullable: true, description: 'The description of the first report' }) description!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Where the child is now (Mẫu 01, the first report)' })
  childLocation!: string | null;
  @ApiProperty({ type: [CaregiverViewDto], description: 'Parents or caregivers (Mẫu 01, the first report)' })
  caregivers!: CaregiverViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'The family situation (Mẫu 01, the first report)' })
  familySituation!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Actions already taken (Mẫu 01, the first report)' })
  actionsTaken!: string | null;
  @ApiProperty({ type: [PossibleDuplicateDto] }) possibleDuplicates!: PossibleDuplicateDto[];
  @ApiProperty({ type: [AssessmentDto] }) assessments!: AssessmentDto[];
  @ApiProperty({ type: [CaseMeetingDto], description: 'Case meetings (Decree 56 step 4), oldest first' })
  meetings!: CaseMeetingDto[];
  @ApiProperty({ type: CasePlanDto, nullable: true }) plan!: CasePlanDto | null;
  @ApiProperty({ type: [EmergencyActionRecordDto] }) emergencyActions!: EmergencyActionRecordDto[];
  @ApiProperty({ type: [ConsentRecordDto], description: 'Consents recorded (POST /cases/{id}/consents), oldest first' })
  consents!: ConsentRecordDto[];
  @ApiProperty({
    type: [DisclosureRecordDto],
    description: 'Disclosures made (POST /cases/{id}/disclosures), oldest first',
  })
  disclosures!: DisclosureRecordDto[];
  @ApiProperty({ type: [TimelineEntryDto] }) timeline!: TimelineEntryDto[];
}

/** The case as the caller's role may see it. */
export type CaseView = ChildProtectionCaseViewDto | AgencyCaseViewDto;

/** 200 with the case as the caller's role sees it: `GET /cases/{id}` and every workflow step. */
export const ApiCaseViewResponse = (description = 'The case as the caller’s role may see it (new version included)') =>
  applyDecorators(
    ApiExtraModels(ChildProtectionCaseViewDto, AgencyCaseViewDto, InterventionViewDto, InterventionSummaryDto),
    ApiOkResponse({
      description,
      schema: {
        anyOf: [{ $ref: getSchemaPath(ChildProtectionCaseViewDto) }, { $ref: getSchemaPath(AgencyCaseViewDto) }],
      },
    }),
  );
