import { VIETNAM_PUBLIC_HOLIDAYS_2025_2026 } from '../areas/holidays/vietnam-holidays';
import {
  addHours,
  addWorkingDays,
  endOfLocalDay,
  isLocalDate,
  isWorkingDay,
  localDateOf,
  localYearOf,
} from './working-days';

const HOLIDAYS = new Set(VIETNAM_PUBLIC_HOLIDAYS_2025_2026.map((holiday) => holiday.date));
const NONE = new Set<string>();

/** An instant written as Hanoi wall-clock time. */
const hanoi = (localDateTime: string) => new Date(`${localDateTime}+07:00`);

describe('working days (Mon–Fri except public holidays, Asia/Ho_Chi_Minh)', () => {
  it('are Monday to Friday, except the holidays', () => {
    expect(isWorkingDay('2025-03-07', HOLIDAYS)).toBe(true); // Friday
    expect(isWorkingDay('2025-03-08', HOLIDAYS)).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-09', HOLIDAYS)).toBe(false); // Sunday
    expect(isWorkingDay('2025-09-02', HOLIDAYS)).toBe(false); // Quốc khánh, a Tuesday
  });

  it('are counted on the Hanoi calendar, not the UTC one', () => {
    expect(localDateOf(new Date('2025-03-10T17:30:00Z'))).toBe('2025-03-11');
    expect(localYearOf(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
  });

  it('accepts only real calendar dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    for (const bad of ['2025-02-29', '2025-02-30', '2025-13-01', '2025-1-01', '2025-01-01T00:00', 20250101]) {
      expect(isLocalDate(bad)).toBe(false);
    }
  });
});

describe('a deadline of N working days ends at 23:59:59 Hanoi time on the Nth working day after the day the clock started', () => {
  it('ends at 23:59:59 local, which is 16:59:59 UTC', () => {
    expect(endOfLocalDay('2025-03-10').toISOString()).toBe('2025-03-10T16:59:59.000Z');
  });

  it('skips the weekend when the clock starts on a Friday', () => {
    expect(addWorkingDays(hanoi('2025-03-07T10:00'), 1, HOLIDAYS)).toEqual(hanoi('2025-03-10T23:59:59'));
  });

  it('never counts the start day, even when the clock starts at 23:30 on Monday', () => {
    expect(addWorkingDays(hanoi('2025-03-10T23:30'), 1, HOLIDAYS)).toEqual(hanoi('2025-03-11T23:59:59'));
  });

  it('counts from Tuesday when the clock starts at 00:30 Tuesday in Hanoi, still Monday in UTC', () => {
    const start = hanoi('2025-03-11T00:30');
    expect(start.toISOString()).toBe('2025-03-10T17:30:00.000Z');
    expect(addWorkingDays(start, 1, HOLIDAYS)).toEqual(hanoi('2025-03-12T23:59:59'));
  });

  it('gives a plan drafted on Friday 13 Feb 2026 two working days across Tết: due Tuesday 24 Feb', () => {
    const due = addWorkingDays(hanoi('2026-02-13T15:00'), 2, HOLIDAYS);
    expect(due.toISOString()).toBe('2026-02-24T16:59:59.000Z');
  });

  it('crosses the year boundary: 31 Dec 2025 plus 1 working day skips New Year’s Day to Friday 2 Jan 2026', () => {
    expect(addWorkingDays(hanoi('2025-12-31T09:00'), 1, HOLIDAYS)).toEqual(hanoi('2026-01-02T23:59:59'));
  });

  it('gives 5 working days from Tuesday 29 Apr 2025 across 30/4, 1/5 and the 2/5 swap day: due Friday 9 May', () => {
    expect(addWorkingDays(hanoi('2025-04-29T08:00'), 5, HOLIDAYS)).toEqual(hanoi('2025-05-09T23:59:59'));
  });

  it('does not count a holiday on a weekend twice', () => {
    // Giỗ Tổ 2026 falls on Sunday 26 April; Monday 27 April is the day off in lieu.
    const withSunday = new Set([...HOLIDAYS, '2026-04-26']);
    expect(addWorkingDays(hanoi('2026-04-24T10:00'), 1, withSunday)).toEqual(hanoi('2026-04-28T23:59:59'));
    expect(addWorkingDays(hanoi('2025-03-07T10:00'), 1, new Set(['2025-03-08']))).toEqual(hanoi('2025-03-10T23:59:59'));
  });

  it('starts counting after a holiday when the clock starts on one', () => {
    expect(addWorkingDays(hanoi('2025-01-29T10:00'), 1, HOLIDAYS)).toEqual(hanoi('2025-02-03T23:59:59'));
  });

  it('needs a whole number of days, at least one', () => {
    expect(() => addWorkingDays(new Date(), 0, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(), 1.5, NONE)).toThrow(RangeError);
  });
});

describe('hour deadlines run on the clock', () => {
  it('counts nights, weekends and holidays alike', () => {
    expect(addHours(hanoi('2025-09-01T20:00'), 12)).toEqual(hanoi('2025-09-02T08:00'));
    expect(addHours(hanoi('2025-03-08T23:00'), 24)).toEqual(hanoi('2025-03-09T23:00'));
  });

  it('refuses negative or non-finite hours', () => {
    expect(() => addHours(new Date(), -1)).toThrow(RangeError);
    expect(() => addHours(new Date(), Number.NaN)).toThrow(RangeError);
  });
});
