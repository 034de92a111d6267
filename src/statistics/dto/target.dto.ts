import { ApiProperty } from '@nestjs/swagger';
import { Max, Min, ValidateBy } from 'class-validator';
import { Indicator, INDICATORS } from '../indicators';
import { hasAtMostOneDecimal, TARGET_KINDS, TargetKind } from '../targets';
import { IsAreaCode, IsCode, IsOneOf, IsYear } from '../../common/validators';

/** A plan's target for one area, year and indicator, in rates per 100,000 children. */
export class TargetDto {
  @ApiProperty({ enum: INDICATORS })
  @IsCode(INDICATORS)
  indicator!: Indicator;

  @ApiProperty({ example: '46' })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({ type: 'integer', minimum: 1900, maximum: 2200, example: 2025 })
  @IsYear()
  year!: number;

  @ApiProperty({ example: 550, description: 'Rate per 100,000 children, at most one decimal' })
  @ValidateBy({
    name: 'hasAtMostOneDecimal',
    validator: {
      validate: hasAtMostOneDecimal,
      defaultMessage: () => 'value must be a number with at most one decimal',
    },
  })
  @Min(0, { message: 'value must be 0 or more' })
  @Max(100000, { message: 'value must be at most 100000' })
  value!: number;

  @ApiProperty({
    enum: TARGET_KINDS,
    description: '`max`: the rate should stay at or below the value; `min`: at or above',
  })
  @IsOneOf(TARGET_KINDS)
  kind!: TargetKind;
}
