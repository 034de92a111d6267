import { plainToInstance } from 'class-transformer';
import { Matches, validateSync } from 'class-validator';
import { LengthAtMost } from './text-limits';

class Coded {
  @Matches(/^[A-Z]{1,4}$/, { message: 'code must be a code' })
  @LengthAtMost(8)
  code!: string;
}

const messagesFor = (code: unknown) =>
  validateSync(plainToInstance(Coded, { code })).flatMap((error) => Object.values(error.constraints ?? {}));

describe('LengthAtMost', () => {
  it('refuses a string longer than its limit', () => {
    expect(messagesFor('X'.repeat(9))).toEqual(expect.arrayContaining(['code must be at most 8 characters']));
    expect(messagesFor('ABCD')).toEqual([]);
  });

  it('leaves a missing or mistyped value to the field’s own check, with one message', () => {
    expect(messagesFor(undefined)).toEqual(['code must be a code']);
    expect(messagesFor(12)).toEqual(['code must be a code']);
  });
});
