import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { MAX_YEAR, MIN_YEAR } from '../../common/validators';
import { CHILD_AGES, SEXES, Sex } from '../population-rules';
import { IsAreaCode, IsCode, IsYear } from '../../common/validators';

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

/** A year here gets the one message the other numbers of a row get. */
const YEAR_IN_ONE_MESSAGE = { message: `year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}` };

/** One cell of the denominators: children of one sex and single year of age in one commune. */
export class PopulationRowDto {
  @ApiProperty({ example: '19753', description: 'A commune' })
  @IsAreaCode({ message: 'areaCode must be a commune code' })
  areaCode!: string;

  @ApiProperty({ type: 'integer', minimum: MIN_YEAR, maximum: MAX_YEAR, example: 2025 })
  @IsYear(YEAR_IN_ONE_MESSAGE)
  year!: number;

  @ApiProperty({ enum: SEXES })
  @IsCode(SEXES)
  sex!: Sex;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: CHILD_AGES - 1, description: 'Completed years of age' })
  @IsIntBetween(0, CHILD_AGES - 1)
  age!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsIntBetween(0, MAX_COUNT, '0 or more')
  count!: number;
}

export class PopulationUpsertResult {
  @ApiProperty({ description: 'Rows inserted or replaced' }) upserted!: number;
}

export class PopulationQuery {
  @ApiProperty({ description: 'Any area: its whole subtree is summed' })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({ type: 'integer', minimum: MIN_YEAR, maximum: MAX_YEAR })
  @Type(() => Number)
  @IsYear(YEAR_IN_ONE_MESSAGE)
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
