import { dateInPeriod, isPeriod, PERIODS, periodRange } from './periods';

describe('reporting periods', () => {
  it('has the year, two halves, four quarters and twelve months', () => {
    expect(PERIODS).toHaveLength(19);
    expect(PERIODS).toContain('M09');
    expect(isPeriod('Q4')).toBe(true);
    expect(isPeriod('Q5')).toBe(false);
    expect(isPeriod('M13')).toBe(false);
  });

  it('covers whole months of the year', () => {
    expect(periodRange(2025, 'year')).toEqual({
      level: 'year',
      firstMonth: 1,
      lastMonth: 12,
      months: 12,
      start: '2025-01-01',
      end: '2025-12-31',
    });
    expect(periodRange(2025, 'H2')).toMatchObject({
      level: 'half',
      firstMonth: 7,
      lastMonth: 12,
      start: '2025-07-01',
      end: '2025-12-31',
    });
    expect(periodRange(2025, 'Q2')).toMatchObject({ level: 'quarter', firstMonth: 4, lastMonth: 6, end: '2025-06-30' });
    expect(periodRange(2025, 'M11')).toMatchObject({
      level: 'month',
      firstMonth: 11,
      lastMonth: 11,
      months: 1,
      end: '2025-11-30',
    });
  });

  it('knows February’s length in leap years', () => {
    expect(periodRange(2024, 'M02').end).toBe('2024-02-29');
    expect(periodRange(2025, 'M02').end).toBe('2025-02-28');
  });

  it('places an event date by its calendar day in Vietnam', () => {
    expect(dateInPeriod('2025-06-30', 2025, 'H1')).toBe(true);
    expect(dateInPeriod('2025-07-01', 2025, 'H1')).toBe(false);
    expect(dateInPeriod('2025-07-01', 2025, 'Q3')).toBe(true);
    expect(dateInPeriod('2024-12-31', 2025, 'year')).toBe(false);
  });
});
