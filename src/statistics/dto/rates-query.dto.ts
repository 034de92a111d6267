import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { BASES, Basis, Indicator, INDICATORS } from '../indicators';
import { Period, PERIODS } from '../periods';
import { GROUP_BY, GroupBy } from '../rates-table';
import { LengthAtMost, MAX_AREA_CODE } from '../../common/text-limits';

const oneOf = (field: string, values: readonly string[]) => ({ message: `${field} must be one of ${values.join(', ')}` });

/** What every rates export takes: indicator, year, period, area and basis. */
export class RatesBaseQuery {
  @ApiProperty({ enum: INDICATORS })
  @IsIn(INDICATORS, oneOf('indicator', INDICATORS))
  indicator!: Indicator;

  @ApiProperty({ minimum: 1900, maximum: 2200, example: 2025 })
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(1900, { message: 'year must be from 1900 to 2200' })
  @Max(2200, { message: 'year must be from 1900 to 2200' })
  year!: number;

  @ApiPropertyOptional({ enum: PERIODS, default: 'year', description: 'The year, a half (H1, H2), a quarter (Q1–Q4) or a month (M01–M12)' })
  @IsOptional()
  @IsIn(PERIODS, oneOf('period', ['year', 'H1', 'H2', 'Q1–Q4', 'M01–M12']))
  period?: Period;

  @ApiPropertyOptional({ description: 'Any area inside the caller’s; default the caller’s own area' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: 'areaCode must be an area code' })
  @LengthAtMost(MAX_AREA_CODE)
  areaCode?: string;

  @ApiPropertyOptional({ enum: BASES, description: 'Default: substantiated for abuse and child labour, reported for injuries' })
  @IsOptional()
  @IsIn(BASES, oneOf('basis', BASES))
  basis?: Basis;
}

export class RatesQuery extends RatesBaseQuery {
  @ApiPropertyOptional({ enum: GROUP_BY, description: 'Absent: the total only. `area`: the direct children of areaCode' })
  @IsOptional()
  @IsIn(GROUP_BY, oneOf('groupBy', GROUP_BY))
  groupBy?: GroupBy;
}
