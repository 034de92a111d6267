import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_CODES } from '../../domain/intervention-types';
import { CATEGORIES, codesOf } from '../../domain/codes';

export class CodeLabelDto {
  @ApiProperty({ example: 'hotline_111' }) code!: string;
  @ApiProperty({ example: 'Tổng đài 111', description: 'The label in the language asked for (`lang`)' }) label!: string;
  @ApiProperty({ example: 'Tổng đài 111', description: 'Vietnamese label' }) vi!: string;
  @ApiProperty({ example: 'National hotline 111', description: 'English label' }) en!: string;
}

export class FormLabelDto extends CodeLabelDto {
  @ApiProperty({ enum: codesOf(CATEGORIES), description: 'The category the form belongs to' }) category!: string;
}

export class InterventionTypeLabelDto extends CodeLabelDto {
  @ApiProperty({ enum: AGENCY_CODES, description: 'The agency that does this work' }) agency!: string;
}

/** GET /codes: every code the API uses, each with its Vietnamese and English labels. */
export class CodesDto {
  @ApiProperty({ enum: ['vi', 'en'], description: 'The language of `label`' }) lang!: 'vi' | 'en';
  @ApiProperty({ type: [CodeLabelDto] }) channels!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) categories!: CodeLabelDto[];
  @ApiProperty({ type: [FormLabelDto] }) forms!: FormLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) perpetrators!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) sexes!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto], description: 'Case statuses' }) caseStatuses!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) deadlineKinds!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) riskLevels!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) substantiations!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) emergencyActionTypes!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) reviewOutcomes!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) consentParties!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) recipientTypes!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) agencies!: CodeLabelDto[];
  @ApiProperty({ type: [InterventionTypeLabelDto] }) interventionTypes!: InterventionTypeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) interventionStatuses!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) notificationKinds!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) callTypes!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto], description: 'The channels a hotline call comes in on' })
  callChannels!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto], description: 'What an entry of a case’s history records' })
  historyActions!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto], description: 'Who takes part in a case meeting' })
  meetingParticipants!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto], description: 'Statistics indicators' }) indicators!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto], description: 'Indicators a per-cent KPI target may be set for' })
  kpiTargetIndicators!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto], description: 'The performance indicators of GET /statistics/kpis' })
  kpis!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto], description: 'Units of a target: per 100,000 children or per cent' })
  targetUnits!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto], description: 'Kinds of a target: a maximum or a minimum' })
  targetKinds!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto], description: 'Protections of a statistics response: exact or protected' })
  protections!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto], description: 'Statistics bases' }) bases!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto], description: 'Flags of a statistics cell' }) flags!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) roles!: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) areaLevels!: CodeLabelDto[];
}
