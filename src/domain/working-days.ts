/**
 * Working days and deadlines (docs/domain.md, Deadlines): Monday–Friday except the public
 * holidays, all counted in Asia/Ho_Chi_Minh. Pure functions: the holidays come in as a set of
 * local dates `YYYY-MM-DD`.
 *
 * Vietnam has kept UTC+7 all year, without daylight saving, since 1975, so a fixed offset gives
 * the same local dates as the tz database while keeping the arithmetic free of the runtime's ICU
 * data and of the server's own time zone.
 */
export const VIETNAM_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date on the Vietnamese calendar, `YYYY-MM-DD`. */
export type LocalDate = string;

/** True for a real calendar date written `YYYY-MM-DD` (2025-02-29 and 2025-02-30 are not). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The date in Asia/Ho_Chi_Minh at the instant `at`. */
export function localDateOf(at: Date): LocalDate {
  return new Date(at.getTime() + VIETNAM_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The year in Asia/Ho_Chi_Minh at the instant `at` (31 Dec 20:00 UTC is already New Year in Hanoi). */
export function localYearOf(at: Date): number {
  return Number(localDateOf(at).slice(0, 4));
}

/** Midnight UTC of the local date's calendar day: a carrier for day arithmetic, not an instant. */
function calendarDay(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function nextLocalDate(date: LocalDate): LocalDate {
  return new Date(calendarDay(date).getTime() + DAY_MS).toISOString().slice(0, 10);
}

export function isWeekend(date: LocalDate): boolean {
  const weekday = calendarDay(date).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: LocalDate, holidays: ReadonlySet<LocalDate>): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/**
 * The instant a deadline on `date` ends: 23:59:59.000 Asia/Ho_Chi_Minh (16:59:59Z). Whole
 * seconds, as the rule is written; an act at 23:59:59.5 is late.
 */
export function endOfLocalDay(date: LocalDate): Date {
  return new Date(calendarDay(date).getTime() + DAY_MS - 1000 - VIETNAM_UTC_OFFSET_MS);
}

/** The `n`th working day after `date`; `date` itself never counts. */
export function nthWorkingDayAfter(date: LocalDate, n: number, holidays: ReadonlySet<LocalDate>): LocalDate {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`a deadline needs a whole number of working days ≥ 1, got ${n}`);
  let day = date;
  for (let counted = 0; counted < n;) {
    day = nextLocalDate(day);
    if (isWorkingDay(day, holidays)) counted++;
  }
  return day;
}

/**
 * "A deadline of N working days ends at 23:59:59 Asia/Ho_Chi_Minh on the Nth working day after
 * the day the clock started": the start day never counts, whatever its hour, weekday or holiday.
 */
export function addWorkingDays(start: Date, n: number, holidays: ReadonlySet<LocalDate>): Date {
  return endOfLocalDay(nthWorkingDayAfter(localDateOf(start), n, holidays));
}

/** Hour deadlines run on the clock: nights, weekends and holidays included. */
export function addHours(start: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be a finite number ≥ 0, got ${hours}`);
  return new Date(start.getTime() + hours * HOUR_MS);
}
