import { intakeViolations, IntakeFacts } from './intake-rules';

const now = new Date('2025-06-02T03:00:00Z');
const report = (overrides: Partial<IntakeFacts> = {}): IntakeFacts => ({
  category: 'abuse',
  form: 'violence',
  receivedAt: new Date('2025-06-02T01:30:00Z'),
  occurredAt: new Date('2025-06-01T13:00:00Z'),
  children: [{ dateOfBirth: '2015-03-04' }],
  ...overrides,
});
const fields = (facts: IntakeFacts) => intakeViolations(facts, now).map((error) => error.field);

describe('intake rules', () => {
  it('accepts a complete, consistent report', () => {
    expect(fields(report())).toEqual([]);
  });

  it('requires the form to belong to the category', () => {
    expect(fields(report({ form: 'drowning' }))).toEqual(['form']);
  });

  it('allows fatal only for injuries', () => {
    expect(fields(report({ fatal: true }))).toEqual(['fatal']);
    expect(fields(report({ category: 'injury', form: 'drowning', fatal: true }))).toEqual([]);
  });

  it('refuses a receipt in the future, beyond a small clock skew', () => {
    expect(fields(report({ receivedAt: new Date('2025-06-02T03:01:00Z'), occurredAt: undefined }))).toEqual([]);
    expect(fields(report({ receivedAt: new Date('2025-06-02T04:00:00Z'), occurredAt: undefined }))).toEqual([
      'receivedAt',
    ]);
  });

  it('refuses an event after its receipt', () => {
    expect(fields(report({ occurredAt: new Date('2025-06-02T02:00:00Z') }))).toEqual(['occurredAt']);
  });

  it('needs a date of birth or an estimated age for each child', () => {
    expect(fields(report({ children: [{ estimatedAge: 9 }, {}] }))).toEqual(['children[1].dateOfBirth']);
  });

  it('refuses a person who was 18 or older at the event, and a birth after the event', () => {
    expect(fields(report({ children: [{ dateOfBirth: '2007-05-31' }] }))).toEqual(['children[0].dateOfBirth']);
    expect(fields(report({ children: [{ dateOfBirth: '2007-06-02' }] }))).toEqual([]);
    expect(fields(report({ children: [{ dateOfBirth: '2025-06-05' }] }))).toEqual(['children[0].dateOfBirth']);
  });
});
