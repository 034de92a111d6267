import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { AREA_CODE_PATTERN, AREA_LEVELS, AreaLevel, isCalendarDate } from '../area-rules';
import { LengthAtMost, MAX_AREA_CODE, MAX_DATE, MAX_NAME } from '../../common/text-limits';

const CODE_MESSAGE = (property: string) => `${property} must be 1–32 letters, digits or dashes`;

/** A day written `YYYY-MM-DD`. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: (args) => `${args?.property} must be a date YYYY-MM-DD` } },
    options,
  );
}

export class CreateAreaDto {
  @ApiProperty({ example: '19753', description: '1–32 letters, digits or dashes; unique among all areas, past and present' })
  @Matches(AREA_CODE_PATTERN, { message: CODE_MESSAGE('code') })
  @LengthAtMost(MAX_AREA_CODE)
  code!: string;

  @ApiProperty({ example: 'Phường Thuận Hóa' })
  @Matches(/^(?=[\s\S]*\S)[\s\S]{1,200}$/, { message: 'name must be 1–200 characters, not blank' })
  @LengthAtMost(MAX_NAME)
  name!: string;

  @ApiProperty({ enum: AREA_LEVELS, description: 'A new country cannot be created' })
  @IsIn(AREA_LEVELS, { message: `level must be one of ${AREA_LEVELS.join(', ')}` })
  level!: AreaLevel;

  @ApiProperty({ example: '46', description: 'The code of the area one tier up; a commune may sit directly in a province' })
  @ValidateIf((dto: CreateAreaDto) => dto.level !== 'country')
  @Matches(AREA_CODE_PATTERN, { message: 'parentCode must be the code of the area one tier up (1–32 letters, digits or dashes)' })
  @LengthAtMost(MAX_AREA_CODE)
  parentCode!: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, example: '2025-07-01' })
  @IsOptional()
  @IsCalendarDate()
  @LengthAtMost(MAX_DATE)
  validFrom?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Last day the area existed (inclusive)' })
  @IsOptional()
  @IsCalendarDate()
  @LengthAtMost(MAX_DATE)
  validTo?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The area that took over a retired one (mergers)' })
  @IsOptional()
  @Matches(AREA_CODE_PATTERN, { message: CODE_MESSAGE('successorCode') })
  @LengthAtMost(MAX_AREA_CODE)
  successorCode?: string | null;
}

export class AreaView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AREA_LEVELS }) level!: AreaLevel;
  @ApiProperty({ nullable: true, type: String }) parentCode!: string | null;
  @ApiProperty({ example: 'VN.46.19753', description: 'Codes from the country down, joined with dots' }) path!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) validFrom!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) validTo!: string | null;
  @ApiProperty({ nullable: true, type: String }) successorCode!: string | null;
}

export class AreaListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'List the direct children of this area; without it, the top level (the country)' })
  @IsOptional()
  @Matches(AREA_CODE_PATTERN, { message: CODE_MESSAGE('parentCode') })
  @LengthAtMost(MAX_AREA_CODE)
  parentCode?: string;

  @ApiPropertyOptional({ enum: AREA_LEVELS })
  @IsOptional()
  @IsIn(AREA_LEVELS, { message: `level must be one of ${AREA_LEVELS.join(', ')}` })
  level?: AreaLevel;

  @ApiPropertyOptional({ format: 'date', description: 'Only areas valid on this day' })
  @IsOptional()
  @IsCalendarDate()
  @LengthAtMost(MAX_DATE)
  validOn?: string;
}

export class AreaImportResult {
  @ApiProperty({ description: 'Areas that did not exist before' }) created!: number;
  @ApiProperty({ description: 'Existing areas whose name, validity and successor were replaced' }) updated!: number;
}
