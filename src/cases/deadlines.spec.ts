import { deadlinesAtReceipt, needsPoliceReferral, separationEnd } from './deadlines';

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
