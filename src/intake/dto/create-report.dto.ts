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
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ALL_FORMS, CATEGORIES, Category, Channel, CHANNELS, codesOf, Perpetrator, PERPETRATORS, Sex, SEXES } from '../../domain/codes';
import { LengthAtMost, MAX_AREA_CODE, MAX_CODE, MAX_DATE, MAX_PHONE, MAX_TIMESTAMP } from '../../common/text-limits';

const AREA_CODE = /^[A-Za-z0-9-]{1,32}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ReportChildDto {
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName!: string;

  @ApiPropertyOptional({ example: '2015-03-04', description: 'Date of birth; or give estimatedAge' })
  @IsOptional()
  @Matches(DATE, { message: 'dateOfBirth must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'dateOfBirth must be a real calendar date' })
  @LengthAtMost(MAX_DATE)
  dateOfBirth?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 17, description: 'Age in years when the date of birth is unknown' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(17)
  estimatedAge?: number;

  @ApiProperty({ enum: codesOf(SEXES) })
  @IsIn(codesOf(SEXES), { message: `sex must be one of ${codesOf(SEXES).join(', ')}` })
  sex!: Sex;

  @ApiPropertyOptional({ description: 'Commune where the child lives' })
  @IsOptional()
  @Matches(AREA_CODE, { message: 'residenceAreaCode must be an area code' })
  @LengthAtMost(MAX_AREA_CODE)
  residenceAreaCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class ReporterDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+() .-]{3,30}$/, { message: 'phone must be a phone number' })
  @LengthAtMost(MAX_PHONE)
  phone?: string;

  @ApiPropertyOptional({ example: 'neighbour' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  relationship?: string;

  @ApiProperty({ description: 'The reporter agrees to be contacted; otherwise officers never see who reported' })
  @IsBoolean()
  consentToContact!: boolean;
}

/** Mẫu 01 (Decree 56): the report as received from any channel. */
export class CreateReportDto {
  @ApiProperty({ enum: codesOf(CHANNELS) })
  @IsIn(codesOf(CHANNELS), { message: `channel must be one of ${codesOf(CHANNELS).join(', ')}` })
  channel!: Channel;

  @ApiPropertyOptional({ description: 'Defaults to now; not in the future' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @LengthAtMost(MAX_TIMESTAMP)
  receivedAt?: string;

  @ApiProperty({ enum: codesOf(CATEGORIES) })
  @IsIn(codesOf(CATEGORIES), { message: `category must be one of ${codesOf(CATEGORIES).join(', ')}` })
  category!: Category;

  @ApiProperty({ enum: ALL_FORMS, description: 'Must belong to the category' })
  @IsString()
  @MaxLength(MAX_CODE)
  form!: string;

  @ApiPropertyOptional({ description: 'Not after receivedAt' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @LengthAtMost(MAX_TIMESTAMP)
  occurredAt?: string;

  @ApiProperty({ description: 'Commune where it happened' })
  @Matches(AREA_CODE, { message: 'occurredAreaCode must be an area code' })
  @LengthAtMost(MAX_AREA_CODE)
  occurredAreaCode!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiPropertyOptional({ description: 'Injuries only: the child died' })
  @IsOptional()
  @IsBoolean()
  fatal?: boolean;

  @ApiPropertyOptional({ enum: codesOf(PERPETRATORS) })
  @IsOptional()
  @IsIn(codesOf(PERPETRATORS), { message: `allegedPerpetrator must be one of ${codesOf(PERPETRATORS).join(', ')}` })
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
}

export class CreatedCaseRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '46-2025-000001' }) caseNumber!: string;
  @ApiProperty({ format: 'uuid' }) childId!: string;
}

export class CreatedReport {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [CreatedCaseRef] }) cases!: CreatedCaseRef[];
}
