import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, STEP_NAMES } from '../../domain/workflow';
import { ROLES } from '../../domain/roles';
import { EMERGENCY_ACTION_TYPES, MEETING_PARTICIPANT_CODES, MeasureDto, RISK_LEVELS } from './workflow.dto';
import { ConsentRecordDto, DisclosureRecordDto } from '../consent/dto/consent-record.dto';

/** The parts of the case file its workflow wrote, shown to child-protection roles only. */

export class FindingsViewDto {
  @ApiProperty() physicalEmotional!: string;
  @ApiProperty() familyCapacity!: string;
  @ApiProperty() riskFactors!: string;
  @ApiProperty() schooling!: string;
  @ApiProperty() community!: string;
  @ApiProperty() serviceNeeds!: string;
  @ApiProperty() childViews!: string;
  @ApiPropertyOptional() parentViews?: string;
}

/** An initial (Mẫu 02) or detailed (Mẫu 03) assessment: the fields its step recorded. */
export class AssessmentDto {
  @ApiProperty({ enum: ['initial', 'detailed'] }) kind!: 'initial' | 'detailed';
  @ApiProperty({ enum: RISK_LEVELS }) riskLevel!: string;
  @ApiPropertyOptional({ description: 'Initial assessments' }) emergency?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Initial assessments' }) notes?: string | null;
  @ApiPropertyOptional({ enum: ['substantiated', 'unsubstantiated'], description: 'Detailed assessments' })
  substantiation?: string;
  @ApiPropertyOptional({ type: FindingsViewDto, description: 'Detailed assessments' }) findings?: FindingsViewDto;
  @ApiProperty({ format: 'date-time' }) performedAt!: string;
  @ApiProperty({ description: 'Username' }) performedBy!: string;
}

/** The latest support and intervention plan (Mẫu 04) and its approval (Mẫu 05). */
export class CasePlanDto {
  @ApiProperty({ type: [String] }) goals!: string[];
  @ApiProperty({ type: [MeasureDto] }) measures!: MeasureDto[];
  @ApiProperty({ format: 'date-time' }) draftedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt!: string | null;
}

export class EmergencyActionRecordDto {
  @ApiProperty({ enum: EMERGENCY_ACTION_TYPES }) type!: string;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ format: 'date-time' }) performedAt!: string;
  @ApiProperty({ description: 'Username' }) performedBy!: string;
}

/** A case meeting (Decree 56 step 4): who took part and what it decided. */
export class CaseMeetingDto {
  @ApiProperty({ format: 'date-time' }) heldAt!: string;
  @ApiProperty({ enum: MEETING_PARTICIPANT_CODES, isArray: true }) participants!: string[];
  @ApiProperty() decisions!: string;
  @ApiProperty({ description: 'Username of who recorded it' }) recordedBy!: string;
}

export class TimelineEntryDto {
  @ApiProperty({ enum: STEP_NAMES }) step!: string;
  @ApiProperty({ enum: CASE_STATUSES }) fromStatus!: string;
  @ApiProperty({ enum: CASE_STATUSES }) toStatus!: string;
  @ApiProperty({ format: 'date-time' }) performedAt!: string;
  @ApiProperty({ description: 'Username' }) performedBy!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
}

/** Timeline, assessments, plan and emergency actions, all read from the steps. */
export interface CaseWorkflowParts {
  timeline: TimelineEntryDto[];
  assessments: AssessmentDto[];
  plan: CasePlanDto | null;
  emergencyActions: EmergencyActionRecordDto[];
  meetings: CaseMeetingDto[];
  consents: ConsentRecordDto[];
  disclosures: DisclosureRecordDto[];
}
