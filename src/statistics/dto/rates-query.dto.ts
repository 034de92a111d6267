import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { Protection, PROTECTIONS } from '../disclosure-control';
import { BASES, Basis, Indicator, INDICATORS } from '../indicators';
import { Period, PERIODS } from '../periods';
import { GROUP_BY, GroupBy } from '../rates-table';
import { IsAreaCode, IsCode, IsYear } from '../../common/validators';

/** What every rates export takes: indicator, year, period, area and basis. */
export class RatesBaseQuery {
  @ApiProperty({ enum: INDICATORS })
  @IsCode(INDICATORS)
  indicator!: Indicator;

  @ApiProperty({ type: 'integer', minimum: 1900, maximum: 2200, example: 2025 })
  @Type(() => Number)
  @IsYear()
  year!: number;

  @ApiPropertyOptional({
    enum: PERIODS,
    default: 'year',
    description: 'The year, a half (H1, H2), a quarter (Q1–Q4) or a month (M01–M12)',
  })
  @IsOptional()
  @IsCode(PERIODS, { listedAs: ['year', 'H1', 'H2', 'Q1–Q4', 'M01–M12'] })
  period?: Period;

  @ApiPropertyOptional({ description: 'Any area inside the caller’s; default the caller’s own area' })
  @IsOptional()
  @IsAreaCode()
  areaCode?: string;

  @ApiPropertyOptional({
    enum: BASES,
    description: 'Default: substantiated for abuse and child labour, reported for injuries',
  })
  @IsOptional()
  @IsCode(BASES)
  basis?: Basis;

  @ApiPropertyOptional({
    enum: PROTECTIONS,
    description:
      '`protected`: cell-key perturbed figures, fit for publication (any statistics role). Default: `exact` for ' +
      'commune officers and chairs and provincial officers (their own area), `protected` for managers, who get ' +
      'protected figures whatever they ask',
  })
  @IsOptional()
  @IsCode(PROTECTIONS)
  protection?: Protection;
}

export class RatesQuery extends RatesBaseQuery {
  @ApiPropertyOptional({
    enum: GROUP_BY,
    description: 'Absent: the total only. `area`: the direct children of areaCode',
  })
  @IsOptional()
  @IsCode(GROUP_BY)
  groupBy?: GroupBy;
}
