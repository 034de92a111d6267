import { reportTellsChairs } from './report-alerts';

describe('whom a new report tells besides whoever runs the case', () => {
  it('tells the commune chairs of sexual abuse and trafficking, whoever the alleged abuser', () => {
    expect(reportTellsChairs({ form: 'sexual_abuse', allegedPerpetrator: 'stranger' })).toBe(true);
    expect(reportTellsChairs({ form: 'trafficking' })).toBe(true);
  });

  it('tells the commune chairs of an emergency: a parent or caregiver the alleged abuser', () => {
    expect(reportTellsChairs({ form: 'violence', allegedPerpetrator: 'parent' })).toBe(true);
    expect(reportTellsChairs({ form: 'neglect', allegedPerpetrator: 'caregiver' })).toBe(true);
  });

  it('does not tell the chairs of any other report', () => {
    expect(reportTellsChairs({ form: 'violence', allegedPerpetrator: 'stranger' })).toBe(false);
    expect(reportTellsChairs({ form: 'drowning', allegedPerpetrator: null })).toBe(false);
  });
});
