import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AGENCY_CODES, Agency } from '../../domain/intervention-types';
import { LengthAtMost, MAX_AREA_CODE, MAX_CODE, MAX_TIMESTAMP } from '../../common/text-limits';

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** What every workflow step carries: the version the caller read, and when the step was taken. */
export class StepDto {
  @ApiProperty({ description: 'The case version the caller last read; a stale one gets 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: 'When the step was taken; defaults to now; not before receipt, not in the future' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @LengthAtMost(MAX_TIMESTAMP)
  performedAt?: string;
}

const notes = () => [IsOptional(), IsString(), MaxLength(10000)];
function Notes(): PropertyDecorator {
  return (target, key) => notes().forEach((decorate) => decorate(target, key));
}

export class InitialAssessmentDto extends StepDto {
  @ApiProperty({ enum: RISK_LEVELS })
  @IsIn(RISK_LEVELS, { message: 'riskLevel must be high, medium or low' })
  riskLevel!: RiskLevel;

  @ApiProperty({ description: 'Life, health or dignity seriously threatened: act within 12 hours of receipt' })
  @IsBoolean()
  emergency!: boolean;

  @ApiPropertyOptional() @Notes() notes?: string;
}

export const EMERGENCY_ACTION_TYPES = ['medical_care', 'police_protection', 'safe_shelter', 'temporary_separation'] as const;
export type EmergencyActionType = (typeof EMERGENCY_ACTION_TYPES)[number];

export class EmergencyActionDto extends StepDto {
  @ApiProperty({ enum: EMERGENCY_ACTION_TYPES, description: 'temporary_separation: commune chair only; ends 15 days later' })
  @IsIn(EMERGENCY_ACTION_TYPES, { message: `type must be one of ${EMERGENCY_ACTION_TYPES.join(', ')}` })
  type!: EmergencyActionType;

  @ApiPropertyOptional() @Notes() notes?: string;
}

/** The eight areas of Decree 56 Art. 27.1. */
export class FindingsDto {
  @ApiProperty() @IsString() @MaxLength(5000) physicalEmotional!: string;
  @ApiProperty() @IsString() @MaxLength(5000) familyCapacity!: string;
  @ApiProperty() @IsString() @MaxLength(5000) riskFactors!: string;
  @ApiProperty() @IsString() @MaxLength(5000) schooling!: string;
  @ApiProperty() @IsString() @MaxLength(5000) community!: string;
  @ApiProperty() @IsString() @MaxLength(5000) serviceNeeds!: string;
  @ApiProperty() @IsString() @MaxLength(5000) childViews!: string;
  @ApiPropertyOptional({ description: 'Not asked when the parents are the alleged abusers' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  parentViews?: string;
}

export class DetailedAssessmentDto extends StepDto {
  @ApiProperty({ type: FindingsDto })
  @ValidateNested()
  @Type(() => FindingsDto)
  findings!: FindingsDto;

  @ApiProperty({ enum: RISK_LEVELS })
  @IsIn(RISK_LEVELS, { message: 'riskLevel must be high, medium or low' })
  riskLevel!: RiskLevel;

  @ApiProperty({ enum: ['substantiated', 'unsubstantiated'] })
  @IsIn(['substantiated', 'unsubstantiated'], { message: 'substantiation must be substantiated or unsubstantiated' })
  substantiation!: 'substantiated' | 'unsubstantiated';
}

export class MeasureDto {
  @ApiProperty({ enum: AGENCY_CODES })
  @IsIn(AGENCY_CODES, { message: `agency must be one of ${AGENCY_CODES.join(', ')}` })
  agency!: Agency;

  @ApiProperty({ description: 'An intervention type of the agency (GET /codes)', example: 'psychological_support' })
  @IsString()
  @MaxLength(MAX_CODE)
  action!: string;

  @ApiProperty()
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: 'areaCode must be an area code' })
  @LengthAtMost(MAX_AREA_CODE)
  areaCode!: string;

  @ApiProperty()
  @IsISO8601({ strict: true })
  @LengthAtMost(MAX_TIMESTAMP)
  dueAt!: string;
}

export class PlanDto extends StepDto {
  @ApiProperty({ type: [String], description: 'The goals of the support and intervention plan (Mẫu 04)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
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
  @IsIn(['close', 'replan'], { message: 'outcome must be close or replan' })
  outcome!: 'close' | 'replan';

  @ApiPropertyOptional() @Notes() notes?: string;
}

export class ReasonDto extends StepDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason!: string;
}
