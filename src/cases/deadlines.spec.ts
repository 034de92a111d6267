import {
  deadlinesAfterCorrection,
  deadlinesAtReceipt,
  needsPoliceReferral,
  ReceiptFacts,
  separationEnd,
} from './deadlines';

const receivedAt = new Date('2025-06-02T01:30:00Z'); // 08:30 in Hà Nội
const kinds = (form: string, allegedPerpetrator?: string) =>
  deadlinesAtReceipt({ receivedAt, form, allegedPerpetrator }).map((d) => `${d.kind} ${d.dueAt.toISOString()}`);

describe('deadlines set at receipt', () => {
  it('gives every case its initial assessment 12 hours after receipt', () => {
    expect(kinds('drowning')).toEqual(['initial_assessment 2025-06-02T13:30:00.000Z']);
  });

  it('demands an emergency response within 12 hours when a parent or caregiver is the alleged abuser', () => {
    expect(kinds('violence', 'parent')).toContain('emergency_response 2025-06-02T13:30:00.000Z');
    expect(kinds('violence', 'caregiver')).toContain('emergency_response 2025-06-02T13:30:00.000Z');
    expect(kinds('violence', 'teacher')).toEqual(['initial_assessment 2025-06-02T13:30:00.000Z']);
  });

  it('refers sexual abuse and trafficking to the police within 24 hours', () => {
    expect(kinds('sexual_abuse')).toContain('police_referral 2025-06-03T01:30:00.000Z');
    expect(kinds('trafficking')).toContain('police_referral 2025-06-03T01:30:00.000Z');
    expect(kinds('neglect')).not.toContainEqual(expect.stringContaining('police_referral'));
  });
});

describe('deadlines set by later steps', () => {
  it('ends a temporary separation 15 days after the decision', () => {
    expect(separationEnd(new Date('2025-06-02T03:00:00Z')).toISOString()).toBe('2025-06-17T03:00:00.000Z');
  });

  it('refers violence to the police when assessed high, and not otherwise', () => {
    expect(needsPoliceReferral('violence', 'high')).toBe(true);
    expect(needsPoliceReferral('violence', 'medium')).toBe(false);
    expect(needsPoliceReferral('sexual_abuse', 'low')).toBe(true);
    expect(needsPoliceReferral('neglect', 'high')).toBe(false);
  });
});

describe('deadlines after a correction', () => {
  const facts = (overrides: Partial<ReceiptFacts> = {}): ReceiptFacts => ({
    form: 'violence',
    allegedPerpetrator: 'stranger',
    riskLevel: null,
    emergency: false,
    ...overrides,
  });

  it('adds the police referral when a case is corrected to sexual abuse or trafficking', () => {
    expect(deadlinesAfterCorrection(facts(), facts({ form: 'sexual_abuse' }))).toEqual({
      add: ['police_referral'],
      withdraw: [],
    });
    expect(deadlinesAfterCorrection(facts({ form: 'neglect' }), facts({ form: 'trafficking' })).add).toEqual([
      'police_referral',
    ]);
  });

  it('withdraws the police referral when sexual abuse is corrected to a form that needs none', () => {
    expect(deadlinesAfterCorrection(facts({ form: 'sexual_abuse' }), facts({ form: 'neglect' }))).toEqual({
      add: [],
      withdraw: ['police_referral'],
    });
  });

  it('keeps the police referral of violence assessed high, whatever else is corrected', () => {
    const high = { form: 'violence', riskLevel: 'high' };
    expect(deadlinesAfterCorrection(facts(high), facts({ ...high, form: 'sexual_abuse' }))).toEqual({
      add: [],
      withdraw: [],
    });
  });

  it('adds the emergency response when a parent or caregiver is found to be the alleged abuser', () => {
    expect(deadlinesAfterCorrection(facts(), facts({ allegedPerpetrator: 'caregiver' })).add).toEqual([
      'emergency_response',
    ]);
  });

  it('keeps the emergency response an initial assessment called for, even when the abuser was not a parent', () => {
    expect(
      deadlinesAfterCorrection(
        facts({ allegedPerpetrator: 'parent', emergency: true }),
        facts({ allegedPerpetrator: 'stranger', emergency: true }),
      ),
    ).toEqual({ add: [], withdraw: [] });
  });
});
