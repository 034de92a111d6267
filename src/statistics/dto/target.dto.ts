import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Matches, Max, Min, ValidateBy } from 'class-validator';
import { Indicator, INDICATORS } from '../indicators';
import { hasAtMostOneDecimal, TARGET_KINDS, TargetKind } from '../targets';
import { LengthAtMost, MAX_AREA_CODE } from '../../common/text-limits';

/** A plan's target for one area, year and indicator, in rates per 100,000 children. */
export class TargetDto {
  @ApiProperty({ enum: INDICATORS })
  @IsIn(INDICATORS, { message: `indicator must be one of ${INDICATORS.join(', ')}` })
  indicator!: Indicator;

  @ApiProperty({ example: '46' })
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: 'areaCode must be an area code' })
  @LengthAtMost(MAX_AREA_CODE)
  areaCode!: string;

  @ApiProperty({ minimum: 1900, maximum: 2200, example: 2025 })
  @IsInt({ message: 'year must be a whole number' })
  @Min(1900, { message: 'year must be from 1900 to 2200' })
  @Max(2200, { message: 'year must be from 1900 to 2200' })
  year!: number;

  @ApiProperty({ example: 550, description: 'Rate per 100,000 children, at most one decimal' })
  @ValidateBy({ name: 'hasAtMostOneDecimal', validator: { validate: hasAtMostOneDecimal, defaultMessage: () => 'value must be a number with at most one decimal' } })
  @Min(0, { message: 'value must be 0 or more' })
  @Max(100000, { message: 'value must be at most 100000' })
  value!: number;

  @ApiProperty({ enum: TARGET_KINDS, description: '`max`: the rate should stay at or below the value; `min`: at or above' })
  @IsIn(TARGET_KINDS, { message: 'kind must be max or min' })
  kind!: TargetKind;
}
