import { HttpException } from '@nestjs/common';
import { PopulationRowDto } from './dto/population.dto';
import { jsonRowNaming, validateFlatRows } from './row-errors';

function errorsOf(rows: unknown): { field: string; message: string }[] {
  try {
    validateFlatRows(PopulationRowDto, rows, jsonRowNaming);
  } catch (error) {
    return ((error as HttpException).getResponse() as { errors: { field: string; message: string }[] }).errors;
  }
  throw new Error('expected errors');
}

const good = { areaCode: '19753', year: 2025, sex: 'male', age: 4, count: 12 };

describe('validating a large array body of flat rows', () => {
  it('gives back DTO instances holding the rows', () => {
    const [row] = validateFlatRows(PopulationRowDto, [good], jsonRowNaming);
    expect(row).toBeInstanceOf(PopulationRowDto);
    expect(row).toEqual(good);
  });

  it('names each bad field by row index, as validateRows does', () => {
    expect(errorsOf([good, { ...good, age: 18, extra: true }, 7])).toEqual([
      { field: '[1].extra', message: 'is not an accepted field' },
      { field: '[1].age', message: 'age must be a whole number from 0 to 17' },
      { field: '[2]', message: 'must be an object' },
    ]);
  });

  it('takes numbers only as numbers: "4" is not an age', () => {
    expect(errorsOf([{ ...good, age: '4' }])).toEqual([
      { field: '[0].age', message: 'age must be a whole number from 0 to 17' },
    ]);
  });

  it('refuses a body that is not an array', () => {
    expect(errorsOf(good)).toEqual([{ field: 'body', message: 'must be an array' }]);
  });

  it('keeps a JSON "__proto__" key a plain field, never the prototype', () => {
    const [row] = validateFlatRows(
      PopulationRowDto,
      [JSON.parse(JSON.stringify(good).replace('{', '{"__proto__":{"polluted":1},'))],
      jsonRowNaming,
    );
    expect(Object.getPrototypeOf(row)).toBe(PopulationRowDto.prototype);
    expect((row as unknown as { polluted?: number }).polluted).toBeUndefined();
  });
});
