import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, Matches, ValidateBy } from 'class-validator';
import { AREA_CODE_PATTERN } from '../area-rules';
import { CHILD_AGES, MAX_YEAR, MIN_YEAR, SEXES, Sex } from '../population-rules';
import { LengthAtMost, MAX_AREA_CODE } from '../../common/text-limits';

const MAX_COUNT = 2_147_483_647;

/** A whole number in [min, max], with one message whatever is wrong (missing, text, fraction, range). */
function IsIntBetween(min: number, max: number, range = `from ${min} to ${max}`): PropertyDecorator {
  return ValidateBy({
    name: 'isIntBetween',
    validator: {
      validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
      defaultMessage: (args) => `${args?.property} must be a whole number ${range}`,
    },
  });
}

/** One cell of the denominators: children of one sex and single year of age in one commune. */
export class PopulationRowDto {
  @ApiProperty({ example: '19753', description: 'A commune' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode must be a commune code' })
  @LengthAtMost(MAX_AREA_CODE)
  areaCode!: string;

  @ApiProperty({ minimum: MIN_YEAR, maximum: MAX_YEAR, example: 2025 })
  @IsIntBetween(MIN_YEAR, MAX_YEAR)
  year!: number;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES, { message: `sex must be one of ${SEXES.join(', ')}` })
  sex!: Sex;

  @ApiProperty({ minimum: 0, maximum: CHILD_AGES - 1, description: 'Completed years of age' })
  @IsIntBetween(0, CHILD_AGES - 1)
  age!: number;

  @ApiProperty({ minimum: 0 })
  @IsIntBetween(0, MAX_COUNT, '0 or more')
  count!: number;
}

export class PopulationUpsertResult {
  @ApiProperty({ description: 'Rows inserted or replaced' }) upserted!: number;
}

export class PopulationQuery {
  @ApiProperty({ description: 'Any area: its whole subtree is summed' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode must be an area code' })
  @LengthAtMost(MAX_AREA_CODE)
  areaCode!: string;

  @ApiProperty({ minimum: MIN_YEAR, maximum: MAX_YEAR })
  @Type(() => Number)
  @IsIntBetween(MIN_YEAR, MAX_YEAR)
  year!: number;
}

export class PopulationBySex {
  @ApiProperty() children0to15!: number;
  @ApiProperty() children5to17!: number;
  @ApiProperty() children0to17!: number;
}

export class PopulationSexes {
  @ApiProperty({ type: PopulationBySex }) male!: PopulationBySex;
  @ApiProperty({ type: PopulationBySex }) female!: PopulationBySex;
}

export class PopulationByAge {
  @ApiProperty() age!: number;
  @ApiProperty() male!: number;
  @ApiProperty() female!: number;
}

export class PopulationSummary {
  @ApiProperty() areaCode!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'Children aged 0–15: the denominator of abuse and injury rates' }) children0to15!: number;
  @ApiProperty({ description: 'Children aged 5–17: the denominator of child-labour rates' }) children5to17!: number;
  @ApiProperty() children0to17!: number;
  @ApiProperty({ type: PopulationSexes }) bySex!: PopulationSexes;
  @ApiProperty({ type: [PopulationByAge], description: 'Ages 0 to 17, in order' }) byAge!: PopulationByAge[];
}
