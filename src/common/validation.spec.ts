import { plainToInstance } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Matches, MaxLength, validateSync } from 'class-validator';
import { flattenValidationErrors, VALIDATOR_OPTIONS } from './validation';

class Sample {
  @IsString()
  @MaxLength(10)
  @Matches(/^[a-z]+$/, { message: '$value is not lower-case letters' })
  code!: string;

  @IsIn(['a', 'b'], { message: 'kind $value must be a or b' })
  kind!: string;
}

const errorsOf = (plain: object) =>
  flattenValidationErrors(validateSync(plainToInstance(Sample, plain), VALIDATOR_OPTIONS));

class WithList {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  goals!: string[];
}

describe('flattenValidationErrors', () => {
  it('says only "must be an array" of a value that is not one, not the sizes that contradict it', () => {
    const errors = flattenValidationErrors(
      validateSync(plainToInstance(WithList, { goals: 'một mục tiêu' }), VALIDATOR_OPTIONS),
    );
    expect(errors).toEqual([{ field: 'goals', message: 'goals must be an array' }]);
  });

  it('names the field and keeps short messages as they are', () => {
    expect(errorsOf({ code: 'AB', kind: 'c' })).toEqual([
      { field: 'code', message: 'AB is not lower-case letters' },
      { field: 'kind', message: 'kind c must be a or b' },
    ]);
  });

  it('quotes at most 100 characters of a long value', () => {
    const long = 'X'.repeat(1_000_000);
    const errors = errorsOf({ code: long, kind: long });
    expect(errors.map((error) => error.field)).toEqual(['code', 'code', 'kind']);
    for (const { message } of errors) expect(message.length).toBeLessThan(200);
    expect(errors[2].message).toBe(`kind ${'X'.repeat(100)}… must be a or b`);
  });

  it('calls an unknown field "not an accepted field", whatever its name, and shortens a long name', () => {
    expect(errorsOf({ code: 'ab', kind: 'a', 'two words': 1, ['k'.repeat(500)]: 2 })).toEqual([
      { field: 'two words', message: 'is not an accepted field' },
      { field: `${'k'.repeat(100)}…`, message: 'is not an accepted field' },
    ]);
  });
});
