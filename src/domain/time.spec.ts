import { ageOn, vietnamDate } from './time';

describe('ages and dates', () => {
  it('counts whole years, a birthday counting on the day itself', () => {
    expect(ageOn('2015-03-04', '2025-03-03')).toBe(9);
    expect(ageOn('2015-03-04', '2025-03-04')).toBe(10);
  });

  it('takes the date in Vietnam, seven hours ahead of UTC', () => {
    expect(vietnamDate(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
    expect(vietnamDate(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });
});
