import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROTECTIONS } from '../disclosure-control';
import { GROUP_BY } from '../rates-table';
import { BASES, INDICATORS } from '../indicators';
import { PERIODS } from '../periods';
import { TARGET_KINDS, TARGET_UNITS } from '../targets';

/** The response of GET /statistics/rates (docs/statistics.md, Indicators), for the OpenAPI document. */
export class TargetStatusDto {
  @ApiProperty({ example: 550, description: 'As entered, in `unit` (`0.01` with `percent`)' }) value!: number;
  @ApiProperty({ enum: TARGET_KINDS }) kind!: string;
  @ApiProperty({ enum: TARGET_UNITS, description: 'The unit the target was entered in' }) unit!: string;
  @ApiProperty({ example: 550, description: 'The same target per 100,000 children: what the rate is compared with' })
  per100k!: number;
  @ApiProperty({ example: 0.55, description: 'The same target in per cent of children' }) percent!: number;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'Null when the rate is not shown; sub-year periods are judged on the rate scaled to a year',
  })
  met!: boolean | null;
}

/** The breakdown a row stands for: the one property of its `groupBy`, none for the total. */
export class RateKeyDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'groupBy=area: a direct child of areaCode' })
  areaCode?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'groupBy=sex: male, female or unknown' })
  sex?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'groupBy=ageGroup: 0-4, 5-11, 12-15, or 16-17 for child labour',
  })
  ageGroup?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'groupBy=form: a form of the indicator’s category',
  })
  form?: string | null;
}

export class RateCellDto {
  @ApiProperty({
    type: RateKeyDto,
    example: { areaCode: '46001' },
    description: 'The breakdown value; `{}` for the total. A null value holds children counted in no listed row',
  })
  key!: RateKeyDto;

  @ApiProperty({
    enum: PROTECTIONS,
    description:
      'How this cell was made: `protected` in an exact answer where the cell counts a case the caller may not read ' +
      '(a child living here whose case another commune manages)',
  })
  protection!: string;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Distinct children (perturbed when protected); null when suppressed',
  })
  count!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Children of the indicator’s ages in the denominator' })
  population!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Per 100,000 children, one decimal' }) rate!: number | null;
  @ApiProperty({ nullable: true, type: [Number], description: 'Exact Poisson (Garwood) 95% interval of the rate' })
  ci95!: [number, number] | null;
  @ApiProperty({ type: [String], enum: ['suppressed', 'unreliable', 'no_population'] }) flags!: string[];
  @ApiProperty({ nullable: true, type: TargetStatusDto }) target!: TargetStatusDto | null;
}

export class RatesResponseDto {
  @ApiProperty({ enum: INDICATORS }) indicator!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: PERIODS }) period!: string;
  @ApiProperty() areaCode!: string;
  @ApiProperty({ enum: BASES }) basis!: string;
  @ApiPropertyOptional({ enum: GROUP_BY }) groupBy?: string;
  @ApiProperty({ example: 100000 }) per!: number;
  @ApiProperty({
    enum: PROTECTIONS,
    description:
      '`exact`: true counts, nothing suppressed (case roles in their own area, over cases they may all read). ' +
      '`protected`: cells perturbed by the cell-key method (at most STATS_MAX_NOISE), then counts 1 to ' +
      'STATS_MIN_CELL − 1 suppressed — every cell for managers; for a case role, the cells whose `protection` says so',
  })
  protection!: string;
  @ApiProperty({
    description: 'Whether the rows add up to the total: false for protected figures (the total is a cell of its own)',
  })
  additive!: boolean;
  @ApiPropertyOptional({ example: 'maxent-v1-D2-V1', description: 'The perturbation table of protected figures' })
  ptableVersion?: string;
  @ApiProperty({ type: [RateCellDto] }) rows!: RateCellDto[];
  @ApiProperty({ type: RateCellDto }) total!: RateCellDto;
}
