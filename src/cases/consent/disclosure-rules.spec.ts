import { disclosureRefusal, guardianMayConsent } from './disclosure-rules';

describe('disclosure of a child’s private information', () => {
  it('needs both the child’s and the guardian’s consent outside the state when the child is 7 or older', () => {
    expect(disclosureRefusal('non_state', { childAge: 7, guardian: true, child: true })).toBeNull();
    expect(disclosureRefusal('non_state', { childAge: 7, guardian: true })).toMatch(/child/);
    expect(disclosureRefusal('non_state', { childAge: 12, child: true })).toMatch(/guardian/);
  });

  it('needs only the guardian’s consent for a child under 7', () => {
    expect(disclosureRefusal('non_state', { childAge: 6, guardian: true })).toBeNull();
  });

  it('counts a withdrawn consent as no consent', () => {
    expect(disclosureRefusal('non_state', { childAge: 10, guardian: false, child: true })).toMatch(/guardian/);
  });

  it('needs no consent but a legal basis for a state authority', () => {
    expect(disclosureRefusal('state_authority', { childAge: 10 }, 'Luật 91/2025/QH15 Điều 19')).toBeNull();
    expect(disclosureRefusal('state_authority', { childAge: 10 })).toMatch(/legal basis/);
  });

  it('never takes consent from a guardian who is the alleged abuser', () => {
    expect(guardianMayConsent('parent')).toBe(false);
    expect(guardianMayConsent('caregiver')).toBe(false);
    expect(guardianMayConsent('teacher')).toBe(true);
    expect(guardianMayConsent(null)).toBe(true);
  });
});
