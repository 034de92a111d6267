import { approachAlertAt } from './deadline-alerts';

describe('when a deadline is told as approaching', () => {
  it('tells an hour deadline 3 hours before it falls due', () => {
    expect(approachAlertAt('initial_assessment', new Date('2025-06-02T13:30:00Z')).toISOString()).toBe(
      '2025-06-02T10:30:00.000Z',
    );
    expect(approachAlertAt('police_referral', new Date('2025-06-03T01:30:00Z')).toISOString()).toBe(
      '2025-06-02T22:30:00.000Z',
    );
  });

  it('tells a day deadline at 08:00 in Vietnam on the day it falls due', () => {
    // 23:59:59 local on 10 June is 16:59:59 UTC; 08:00 local that day is 01:00 UTC.
    expect(approachAlertAt('plan_draft', new Date('2025-06-10T16:59:59Z')).toISOString()).toBe(
      '2025-06-10T01:00:00.000Z',
    );
    // Due at 00:30 local on 11 June (17:30 UTC on the 10th), before that day's 08:00: told at 08:00 the day
    // before, never after the due time.
    expect(approachAlertAt('intervention', new Date('2025-06-10T17:30:00Z')).toISOString()).toBe(
      '2025-06-10T01:00:00.000Z',
    );
  });
});
