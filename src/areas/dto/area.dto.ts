import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, ValidateIf, ValidationArguments } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { AREA_LEVELS, AreaLevel } from '../../domain/area-path';
import { LengthAtMost, MAX_NAME } from '../../common/text-limits';
import { IsAreaCode, IsCode, IsLocalDate } from '../../common/validators';

/** Where an admin writes area codes, the message spells the rule out. */
const SPELLED_OUT = {
  message: ({ property }: ValidationArguments) => `${property} must be 1–32 letters, digits or dashes`,
};

export class CreateAreaDto {
  @ApiProperty({
    example: '19753',
    description: '1–32 letters, digits or dashes; unique among all areas, past and present',
  })
  @IsAreaCode(SPELLED_OUT)
  code!: string;

  @ApiProperty({ example: 'Phường Thuận Hóa' })
  @Matches(/^(?=[\s\S]*\S)[\s\S]{1,200}$/, { message: 'name must be 1–200 characters, not blank' })
  @LengthAtMost(MAX_NAME)
  name!: string;

  @ApiProperty({ enum: AREA_LEVELS, description: 'A new country cannot be created' })
  @IsCode(AREA_LEVELS)
  level!: AreaLevel;

  @ApiProperty({
    example: '46',
    description: 'The code of the area one tier up; a commune may sit directly in a province',
  })
  @ValidateIf((dto: CreateAreaDto) => dto.level !== 'country')
  @IsAreaCode({ message: 'parentCode must be the code of the area one tier up (1–32 letters, digits or dashes)' })
  parentCode!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2025-07-01' })
  @IsOptional()
  @IsLocalDate()
  validFrom?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last day the area existed (inclusive)',
  })
  @IsOptional()
  @IsLocalDate()
  validTo?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The area that took over a retired one (mergers)' })
  @IsOptional()
  @IsAreaCode(SPELLED_OUT)
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
  @ApiPropertyOptional({
    description: 'List the direct children of this area; without it, the top level (the country)',
  })
  @IsOptional()
  @IsAreaCode(SPELLED_OUT)
  parentCode?: string;

  @ApiPropertyOptional({ enum: AREA_LEVELS })
  @IsOptional()
  @IsCode(AREA_LEVELS)
  level?: AreaLevel;

  @ApiPropertyOptional({ format: 'date', description: 'Only areas valid on this day' })
  @IsOptional()
  @IsLocalDate()
  validOn?: string;
}

export class AreaImportResult {
  @ApiProperty({ description: 'Areas that did not exist before' }) created!: number;
  @ApiProperty({ description: 'Existing areas whose name, validity and successor were replaced' }) updated!: number;
}
