import { staleVersion } from './problem';
import { HttpException } from '@nestjs/common';
import { FieldError, invalidFields, MAX_LISTED_ERRORS } from './problem';

const bodyOf = (error: HttpException) => error.getResponse() as { detail: string; errors: FieldError[] };
const rowErrors = (count: number): FieldError[] =>
  Array.from({ length: count }, (_, row) => ({
    field: `[${row}].age`,
    message: 'age must be a whole number from 0 to 17',
  }));

describe('a 400 for many invalid fields', () => {
  it('counts them and quotes the first in its detail', () => {
    const error = invalidFields(rowErrors(3));
    expect(error.getStatus()).toBe(400);
    expect(bodyOf(error).detail).toBe(
      '3 invalid field(s); the first is [0].age: age must be a whole number from 0 to 17',
    );
  });

  it('lists the first 100, and still counts them all', () => {
    const body = bodyOf(invalidFields(rowErrors(250)));
    expect(body.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(body.errors[0].field).toBe('[0].age');
    expect(body.detail).toMatch(/^250 invalid field\(s\)/);
  });

  it('names what it counts when they are rows or repeats', () => {
    expect(bodyOf(invalidFields([{ field: 'rows[2]', message: 'line 4: has 3 fields' }], 'invalid row')).detail).toBe(
      '1 invalid row(s); the first is rows[2]: line 4: has 3 fields',
    );
  });
});

describe('a stale version says which version the record has now', () => {
  it('tells a caller behind to reload, naming the current version', () => {
    expect(staleVersion('The case', 4, 5).getResponse()).toMatchObject({
      detail: 'The case changed since you read it: it is at version 5 now, you sent 4. Reload it and try again',
    });
  });

  it('tells a caller ahead that its version does not exist yet', () => {
    expect(staleVersion('The case', 5, 4).getResponse()).toMatchObject({
      detail: 'The case is at version 4; version 5 does not exist. Send the version you last read',
    });
  });
});
