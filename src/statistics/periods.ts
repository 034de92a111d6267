/**
 * Reporting periods (docs/statistics.md, Periods and areas): the year, its halves, quarters and
 * months. Event dates are calendar dates in Asia/Ho_Chi_Minh; a period is a range of whole months
 * of one year.
 */
export const PERIODS = [
  'year',
  'H1',
  'H2',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  ...Array.from({ length: 12 }, (_, index) => `M${String(index + 1).padStart(2, '0')}`),
] as const;
export type Period = (typeof PERIODS)[number];

/** How long the period is; the fact table keeps a "first in …" flag for each level above the month. */
export type PeriodLevel = 'year' | 'half' | 'quarter' | 'month';

export interface PeriodRange {
  level: PeriodLevel;
  firstMonth: number;
  lastMonth: number;
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
  months: number;
}

const pad = (value: number) => String(value).padStart(2, '0');

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && (PERIODS as readonly string[]).includes(value);
}

export function periodRange(year: number, period: Period): PeriodRange {
  let level: PeriodLevel;
  let firstMonth: number;
  let months: number;
  if (period === 'year') [level, firstMonth, months] = ['year', 1, 12];
  else if (period[0] === 'H') [level, firstMonth, months] = ['half', (Number(period[1]) - 1) * 6 + 1, 6];
  else if (period[0] === 'Q') [level, firstMonth, months] = ['quarter', (Number(period[1]) - 1) * 3 + 1, 3];
  else [level, firstMonth, months] = ['month', Number(period.slice(1)), 1];
  const lastMonth = firstMonth + months - 1;
  return {
    level,
    firstMonth,
    lastMonth,
    months,
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDayOf(year, lastMonth))}`,
  };
}

/** True when the calendar date (YYYY-MM-DD) falls in the period of that year. */
export function dateInPeriod(date: string, year: number, period: Period): boolean {
  const range = periodRange(year, period);
  return date >= range.start && date <= range.end;
}
