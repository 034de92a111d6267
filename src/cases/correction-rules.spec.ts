import { caseViolations, childViolations } from './correction-rules';

const receivedAt = new Date('2025-06-02T01:30:00Z');
const kase = (overrides: Partial<Parameters<typeof caseViolations>[0]> = {}) => ({
  category: 'abuse',
  form: 'violence',
  fatal: false,
  occurredAt: new Date('2025-06-01T13:00:00Z'),
  ...overrides,
});
const fields = (errors: { field: string }[]) => errors.map((error) => error.field);

describe('a corrected case keeps the rules of intake', () => {
  it('accepts a reclassification whose form belongs to the new category', () => {
    expect(caseViolations(kase({ category: 'injury', form: 'fall' }), receivedAt, '2015-03-04', null)).toEqual([]);
  });

  it('refuses a form of another category', () => {
    expect(fields(caseViolations(kase({ category: 'injury' }), receivedAt, '2015-03-04', null))).toEqual(['form']);
  });

  it('marks only injuries as fatal', () => {
    expect(fields(caseViolations(kase({ fatal: true }), receivedAt, null, 9))).toEqual(['fatal']);
    expect(caseViolations(kase({ category: 'injury', form: 'drowning', fatal: true }), receivedAt, null, 9)).toEqual(
      [],
    );
  });

  it('refuses an event after the receipt', () => {
    const late = kase({ occurredAt: new Date('2025-06-03T00:00:00Z') });
    expect(fields(caseViolations(late, receivedAt, null, 9))).toEqual(['occurredAt']);
  });

  it('blames the corrected event time when the child would not yet be born, or be 18, at it', () => {
    const early = kase({ occurredAt: new Date('2014-01-01T00:00:00Z') });
    expect(fields(caseViolations(early, receivedAt, '2015-03-04', null))).toEqual(['occurredAt']);
  });

  it('takes the receipt as the event when the event time is unknown', () => {
    expect(caseViolations(kase({ occurredAt: null }), receivedAt, '2015-03-04', null)).toEqual([]);
  });
});

describe('a corrected child keeps the rules of intake', () => {
  const cases = [
    { occurredAt: new Date('2025-06-01T13:00:00Z'), receivedAt },
    { occurredAt: null, receivedAt: new Date('2020-01-10T01:00:00Z') },
  ];

  it('has a date of birth or an estimated age', () => {
    expect(fields(childViolations({ dateOfBirth: null, estimatedAge: null }, cases))).toEqual(['dateOfBirth']);
    expect(childViolations({ dateOfBirth: null, estimatedAge: 7 }, cases)).toEqual([]);
  });

  it('was born by the event of every one of its cases', () => {
    expect(fields(childViolations({ dateOfBirth: '2021-01-01', estimatedAge: null }, cases))).toEqual(['dateOfBirth']);
  });

  it('was under 18 at the event of every one of its cases', () => {
    expect(fields(childViolations({ dateOfBirth: '2006-01-01', estimatedAge: null }, cases))).toEqual(['dateOfBirth']);
    expect(childViolations({ dateOfBirth: '2010-01-01', estimatedAge: null }, cases)).toEqual([]);
  });
});
