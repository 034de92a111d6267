import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import {
  ALL_FORMS,
  CATEGORIES,
  Category,
  Channel,
  CHANNELS,
  codesOf,
  Perpetrator,
  PERPETRATORS,
  Sex,
  SEXES,
} from '../../domain/codes';
import { LengthAtMost, MAX_NAME, MAX_PHONE } from '../../common/text-limits';
import {
  IsAreaCode,
  IsCode,
  IsDependentCode,
  IsFreeText,
  IsLocalDate,
  IsPersonName,
  IsTimestamp,
} from '../../common/validators';

/** A date of birth that is no day at all says so: the clerk mistyped a real-looking date. */
const BIRTH_DATE = {
  message: ({ property, value }: ValidationArguments) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? `${property} must be a real calendar date`
      : `${property} must be a date YYYY-MM-DD`,
};

export class ReportChildDto {
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsPersonName()
  fullName!: string;

  @ApiPropertyOptional({ format: 'date', example: '2015-03-04', description: 'Date of birth; or give estimatedAge' })
  @IsOptional()
  @IsLocalDate(BIRTH_DATE)
  dateOfBirth?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 17,
    description: 'Age in years when the date of birth is unknown',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(17)
  estimatedAge?: number;

  @ApiProperty({ enum: codesOf(SEXES) })
  @IsCode(codesOf(SEXES))
  sex!: Sex;

  @ApiPropertyOptional({ description: 'Commune where the child lives' })
  @IsOptional()
  @IsAreaCode()
  residenceAreaCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsFreeText(500)
  address?: string;
}

export class ReporterDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsFreeText(MAX_NAME)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+() .-]{3,30}$/, { message: 'phone must be a phone number' })
  @LengthAtMost(MAX_PHONE)
  phone?: string;

  @ApiPropertyOptional({ example: 'neighbour' })
  @IsOptional()
  @IsFreeText(100)
  relationship?: string;

  @ApiProperty({ description: 'The reporter agrees to be contacted; otherwise officers never see who reported' })
  @IsBoolean()
  consentToContact!: boolean;
}

/** A parent or caregiver of the child, as the report names them (Mẫu 01). */
export class CaregiverDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsFreeText(MAX_NAME)
  name?: string;

  @ApiPropertyOptional({ example: 'mother' })
  @IsOptional()
  @IsFreeText(100)
  relationship?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+() .-]{3,30}$/, { message: 'phone must be a phone number' })
  @LengthAtMost(MAX_PHONE)
  phone?: string;
}

/** Mẫu 01 (Decree 56): the report as received from any channel. */
export class CreateReportDto {
  @ApiProperty({ enum: codesOf(CHANNELS) })
  @IsCode(codesOf(CHANNELS))
  channel!: Channel;

  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now; not in the future' })
  @IsOptional()
  @IsTimestamp()
  receivedAt?: string;

  @ApiProperty({ enum: codesOf(CATEGORIES) })
  @IsCode(codesOf(CATEGORIES))
  category!: Category;

  @ApiProperty({ enum: ALL_FORMS, description: 'Must belong to the category' })
  @IsDependentCode()
  form!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Not after receivedAt' })
  @IsOptional()
  @IsTimestamp()
  occurredAt?: string;

  @ApiProperty({ description: 'Commune where it happened' })
  @IsAreaCode()
  occurredAreaCode!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsFreeText()
  description?: string;

  @ApiPropertyOptional({ description: 'Injuries only: the child died' })
  @IsOptional()
  @IsBoolean()
  fatal?: boolean;

  @ApiPropertyOptional({ enum: codesOf(PERPETRATORS) })
  @IsOptional()
  @IsCode(codesOf(PERPETRATORS))
  allegedPerpetrator?: Perpetrator;

  @ApiProperty({ type: [ReportChildDto], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReportChildDto)
  children!: ReportChildDto[];

  @ApiPropertyOptional({ type: ReporterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter?: ReporterDto;

  @ApiPropertyOptional({ description: 'Where the child is now (Mẫu 01); personal data, encrypted' })
  @IsOptional()
  @IsFreeText(2000)
  childLocation?: string;

  @ApiPropertyOptional({ type: [CaregiverDto], maxItems: 10, description: 'Parents or caregivers; encrypted' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CaregiverDto)
  caregivers?: CaregiverDto[];

  @ApiPropertyOptional({ description: 'The family situation; encrypted' })
  @IsOptional()
  @IsFreeText()
  familySituation?: string;

  @ApiPropertyOptional({ description: 'Actions already taken; encrypted' })
  @IsOptional()
  @IsFreeText()
  actionsTaken?: string;
}

/**
 * A case of the report as its filer is told it: the case it opened, or the open case it joined
 * when the filer could read that case before filing. An open case the filer could not read is
 * named by a stand-in of the same form (an id of its own, the next number of the province and
 * year a new case would take), so a receipt never tells that a child has a case elsewhere.
 */
export class CreatedCaseRef {
  @ApiProperty({
    format: 'uuid',
    description: 'The case; for an open case the filer could not read when filing, a stand-in that opens no case',
  })
  id!: string;
  @ApiProperty({
    example: '46-2025-000001',
    description: 'The case number; for a stand-in, a number drawn as a new case of this report would draw it',
  })
  caseNumber!: string;
  @ApiProperty({ format: 'uuid', description: 'The child, the same for every report about it' }) childId!: string;
}

export class CreatedReport {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [CreatedCaseRef] }) cases!: CreatedCaseRef[];
}
