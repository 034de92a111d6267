import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import { AGENCY_CODES, Agency } from '../../domain/intervention-types';
import {
  IsAreaCode,
  IsCode,
  IsDependentCode,
  IsFreeText,
  IsOneOf,
  IsTimestamp,
  IsVersion,
  stacked,
} from '../../common/validators';

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The longest finding of an assessment, and the longest reason. */
const MAX_SECTION = 5000;
const MAX_GOAL = 2000;

/** What every workflow step carries: the version the caller read, and when the step was taken. */
export class StepDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The case version the caller last read; a stale one gets 409',
  })
  @IsVersion()
  version!: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the step was taken; defaults to now; not before receipt, not in the future',
  })
  @IsOptional()
  @IsTimestamp()
  performedAt?: string;
}

const Notes = (): PropertyDecorator => stacked(IsOptional(), IsFreeText());

export class InitialAssessmentDto extends StepDto {
  @ApiProperty({ enum: RISK_LEVELS })
  @IsOneOf(RISK_LEVELS)
  riskLevel!: RiskLevel;

  @ApiProperty({ description: 'Life, health or dignity seriously threatened: act within 12 hours of receipt' })
  @IsBoolean()
  emergency!: boolean;

  @ApiPropertyOptional() @Notes() notes?: string;
}

export const EMERGENCY_ACTION_TYPES = [
  'medical_care',
  'police_protection',
  'safe_shelter',
  'temporary_separation',
] as const;
export type EmergencyActionType = (typeof EMERGENCY_ACTION_TYPES)[number];

export class EmergencyActionDto extends StepDto {
  @ApiProperty({
    enum: EMERGENCY_ACTION_TYPES,
    description: 'temporary_separation: commune chair only; ends 15 days later',
  })
  @IsCode(EMERGENCY_ACTION_TYPES)
  type!: EmergencyActionType;

  @ApiPropertyOptional() @Notes() notes?: string;
}

/** The eight areas of Decree 56 Art. 27.1. */
export class FindingsDto {
  @ApiProperty() @IsFreeText(MAX_SECTION) physicalEmotional!: string;
  @ApiProperty() @IsFreeText(MAX_SECTION) familyCapacity!: string;
  @ApiProperty() @IsFreeText(MAX_SECTION) riskFactors!: string;
  @ApiProperty() @IsFreeText(MAX_SECTION) schooling!: string;
  @ApiProperty() @IsFreeText(MAX_SECTION) community!: string;
  @ApiProperty() @IsFreeText(MAX_SECTION) serviceNeeds!: string;
  @ApiProperty() @IsFreeText(MAX_SECTION) childViews!: string;
  @ApiPropertyOptional({ description: 'Not asked when the parents are the alleged abusers' })
  @IsOptional()
  @IsFreeText(MAX_SECTION)
  parentViews?: string;
}

export class DetailedAssessmentDto extends StepDto {
  @ApiProperty({ type: FindingsDto })
  @ValidateNested()
  @Type(() => FindingsDto)
  findings!: FindingsDto;

  @ApiProperty({ enum: RISK_LEVELS })
  @IsOneOf(RISK_LEVELS)
  riskLevel!: RiskLevel;

  @ApiProperty({ enum: ['substantiated', 'unsubstantiated'] })
  @IsOneOf(['substantiated', 'unsubstantiated'])
  substantiation!: 'substantiated' | 'unsubstantiated';
}

export class MeasureDto {
  @ApiProperty({ enum: AGENCY_CODES })
  @IsCode(AGENCY_CODES)
  agency!: Agency;

  @ApiProperty({ description: 'An intervention type of the agency (GET /codes)', example: 'psychological_support' })
  @IsDependentCode()
  action!: string;

  @ApiProperty()
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  dueAt!: string;
}

export class PlanDto extends StepDto {
  @ApiProperty({ type: [String], description: 'The goals of the support and intervention plan (Mẫu 04)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsFreeText(MAX_GOAL, { nonEmpty: true, each: true })
  goals!: string[];

  @ApiProperty({ type: [MeasureDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MeasureDto)
  measures!: MeasureDto[];
}

export class ReviewDto extends StepDto {
  @ApiProperty({ enum: ['close', 'replan'] })
  @IsOneOf(['close', 'replan'])
  outcome!: 'close' | 'replan';

  @ApiPropertyOptional() @Notes() notes?: string;
}

/** Who may take part in a case meeting: the agencies, the family and the child. */
export const MEETING_PARTICIPANT_CODES = [...AGENCY_CODES, 'family', 'child'] as const;

/** POST /cases/{id}/meetings: the case meeting of Decree 56 step 4. */
export class MeetingDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The case version the caller last read' })
  @IsVersion()
  version!: number;

  @ApiProperty({ format: 'date-time', description: 'When it was held; not before receipt, not in the future' })
  @IsTimestamp()
  heldAt!: string;

  @ApiProperty({ enum: MEETING_PARTICIPANT_CODES, isArray: true, description: 'Agency codes, "family", "child"' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MEETING_PARTICIPANT_CODES.length)
  @ArrayUnique()
  @IsCode(MEETING_PARTICIPANT_CODES, { each: true })
  participants!: string[];

  @ApiProperty({ description: 'The protection measures decided (encrypted)' })
  @IsFreeText(MAX_SECTION, { nonEmpty: true })
  decisions!: string;
}

/** POST /cases/{id}/separation/extend: a competent authority extended the temporary separation (Art. 32). */
export class SeparationExtensionDto extends StepDto {
  @ApiProperty({ format: 'date-time', description: 'The new end of the separation: after the current one' })
  @IsTimestamp()
  until!: string;

  @ApiProperty({ description: 'The competent authority that decided the extension', maxLength: 500 })
  @IsFreeText(500, { nonEmpty: true })
  decidedBy!: string;

  @ApiProperty({ description: 'The decision and its legal basis', maxLength: 2000 })
  @IsFreeText(2000, { nonEmpty: true })
  legalBasis!: string;
}

export class ReasonDto extends StepDto {
  @ApiProperty()
  @IsFreeText(MAX_SECTION, { nonEmpty: true })
  reason!: string;
}
