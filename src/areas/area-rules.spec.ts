import { isCalendarDate } from '../common/validators';
import { childPath, isValidPeriod, levelRank, parentLevelProblem } from './area-rules';

describe('area levels', () => {
  it('orders country above province above district above commune', () => {
    expect(levelRank('country')).toBeLessThan(levelRank('province'));
    expect(levelRank('province')).toBeLessThan(levelRank('district'));
    expect(levelRank('district')).toBeLessThan(levelRank('commune'));
  });

  it('puts a province in the country and a district in a province', () => {
    expect(parentLevelProblem('province', 'country')).toBeNull();
    expect(parentLevelProblem('district', 'province')).toBeNull();
  });

  it('puts a commune in a district, or directly in a province since districts were abolished (1 July 2025)', () => {
    expect(parentLevelProblem('commune', 'district')).toBeNull();
    expect(parentLevelProblem('commune', 'province')).toBeNull();
  });

  it('refuses a parent at the same level or below', () => {
    expect(parentLevelProblem('province', 'province')).toMatch(/must sit under a country/);
    expect(parentLevelProblem('district', 'commune')).toMatch(/not under a commune/);
    expect(parentLevelProblem('commune', 'commune')).toMatch(/district or a province/);
  });

  it('refuses to skip the province: no district or commune straight under the country', () => {
    expect(parentLevelProblem('district', 'country')).not.toBeNull();
    expect(parentLevelProblem('commune', 'country')).not.toBeNull();
  });

  it('gives a country no parent at all', () => {
    expect(parentLevelProblem('country', 'country')).toBe('a country has no parent');
  });
});

describe('area paths and periods', () => {
  it('appends the code to the parent path', () => {
    expect(childPath('VN.46', '19753')).toBe('VN.46.19753');
  });

  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isCalendarDate('2025-07-01')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-7-1')).toBe(false);
    expect(isCalendarDate('2025-07-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20250701)).toBe(false);
  });

  it('lets a period end on the day it starts but not before', () => {
    expect(isValidPeriod('2025-07-01', '2025-07-01')).toBe(true);
    expect(isValidPeriod('2025-07-01', '2025-06-30')).toBe(false);
    expect(isValidPeriod(null, '2025-06-30')).toBe(true);
    expect(isValidPeriod('2025-07-01', undefined)).toBe(true);
  });
});
