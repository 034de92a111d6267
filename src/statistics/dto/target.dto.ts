import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, Max, Min, ValidateBy } from 'class-validator';
import {
  hasAtMostDecimals,
  TARGET_INDICATORS,
  TARGET_KINDS,
  TARGET_UNITS,
  TargetIndicator,
  TargetKind,
  TargetUnit,
} from '../targets';
import { IsAreaCode, IsCode, IsOneOf, IsYear } from '../../common/validators';

/** What names one target: indicator, area and year (GET lists by area and year, DELETE takes all three). */
export class TargetKeyDto {
  @ApiProperty({
    enum: TARGET_INDICATORS,
    description: 'A rate indicator, or a KPI: `supported_in_time`, `initial_assessment_on_time` (per cent only)',
  })
  @IsCode(TARGET_INDICATORS)
  indicator!: TargetIndicator;

  @ApiProperty({ example: '46' })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({ type: 'integer', minimum: 1900, maximum: 2200, example: 2025 })
  @IsYear()
  year!: number;
}

/** A plan's target for one area, year and indicator. */
export class TargetDto extends TargetKeyDto {
  @ApiProperty({
    example: 550,
    description:
      'Per 100,000 children (at most one decimal), or with `unit: percent` per cent of children (at most four decimals; ' +
      '"dưới 0,01%" is 0.01, compared as 10 per 100,000); KPI targets: the share in per cent',
  })
  @ValidateBy({
    name: 'targetDecimals',
    validator: {
      validate: (value: unknown, args) =>
        hasAtMostDecimals(value, (args?.object as TargetDto | undefined)?.unit === 'percent' ? 4 : 1),
      defaultMessage: () => 'value must be a number with at most one decimal per 100,000 (four in per cent)',
    },
  })
  @Min(0, { message: 'value must be 0 or more' })
  @Max(100000, { message: 'value must be at most 100000' })
  value!: number;

  @ApiPropertyOptional({
    enum: TARGET_UNITS,
    description: 'Default `per100k` for rate indicators; KPI indicators take `percent` only (their default)',
  })
  @IsOptional()
  @IsOneOf(TARGET_UNITS)
  unit?: TargetUnit;

  @ApiProperty({
    enum: TARGET_KINDS,
    description: '`max`: the figure should stay at or below the value; `min`: at or above',
  })
  @IsOneOf(TARGET_KINDS)
  kind!: TargetKind;
}

/** A stored target as entered, and in both units. */
export class TargetViewDto {
  @ApiProperty({ enum: TARGET_INDICATORS }) indicator!: string;
  @ApiProperty({ example: '46' }) areaCode!: string;
  @ApiProperty({ example: 2025 }) year!: number;
  @ApiProperty({ example: 0.01, description: 'As entered, in `unit`' }) value!: number;
  @ApiProperty({ enum: TARGET_UNITS }) unit!: string;
  @ApiProperty({ enum: TARGET_KINDS }) kind!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 10,
    description: 'Per 100,000 children (what rates are compared with); null for KPI targets',
  })
  per100k!: number | null;
  @ApiProperty({ example: 0.01, description: 'Per cent (of children for rate indicators; the share for KPIs)' })
  percent!: number;
}

export class TargetListDto {
  @ApiProperty({ type: [TargetViewDto] }) items!: TargetViewDto[];
}

export class TargetListQuery {
  @ApiPropertyOptional({ description: 'The area whose targets (and its sub-areas’) are listed; default the caller’s' })
  @IsOptional()
  @IsAreaCode()
  areaCode?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1900, maximum: 2200 })
  @IsOptional()
  @Type(() => Number)
  @IsYear()
  year?: number;
}

/** DELETE /statistics/targets: the key of the target, as query parameters. */
export class TargetDeleteQuery {
  @ApiProperty({ enum: TARGET_INDICATORS })
  @IsCode(TARGET_INDICATORS)
  indicator!: TargetIndicator;

  @ApiProperty({ example: '46' })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({ type: 'integer', minimum: 1900, maximum: 2200, example: 2025 })
  @Type(() => Number)
  @IsYear()
  year!: number;
}
