import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addHours, addWorkingDays, LocalDate, localYearOf } from '../../domain/working-days';

/**
 * How long a year's holidays are kept in memory. This instance forgets a year as soon as it
 * changes it; the limit bounds how long another instance of the service can miss that change.
 */
const CACHE_TTL_MS = 5 * 60 * 1000;

interface CachedYear {
  dates: Promise<ReadonlySet<LocalDate>>;
  loadedAt: number;
}

/**
 * The working-day calendar the deadline computations use: the pure rules of `working-days.ts`
 * over the holidays stored in the database, loaded per year and kept in memory.
 */
@Injectable()
export class HolidayCalendar {
  private readonly years = new Map<number, CachedYear>();
  private readonly logger = new Logger(HolidayCalendar.name);
  private readonly warnedYears = new Set<number>();

  constructor(private readonly db: DataSource) {}

  /** The deadline of `n` working days from `start` (docs/domain.md, Deadlines), loading each year reached. */
  async addWorkingDays(start: Date, n: number): Promise<Date> {
    const firstYear = localYearOf(start);
    // Tết and year end can push a deadline into the next year; load further years only when reached.
    for (let lastYear = firstYear + 1; ; lastYear++) {
      const deadline = addWorkingDays(start, n, await this.holidaysOf(firstYear, lastYear));
      if (localYearOf(deadline) <= lastYear) return deadline;
    }
  }

  /** Hour deadlines run on the clock; here so callers have one calendar for both kinds. */
  addHours(start: Date, hours: number): Date {
    return addHours(start, hours);
  }

  /** The holiday dates of the years `from`..`to`, as the pure functions take them. */
  async holidaysOf(from: number, to: number): Promise<ReadonlySet<LocalDate>> {
    const all = new Set<LocalDate>();
    for (let year = from; year <= to; year++) {
      for (const date of await this.yearDates(year)) all.add(date);
    }
    return all;
  }

  /** Drops the cached years, to be called after their holidays changed. */
  forget(years: Iterable<number>): void {
    for (const year of years) this.years.delete(year);
  }

  private yearDates(year: number): Promise<ReadonlySet<LocalDate>> {
    const cached = this.years.get(year);
    if (cached && Date.now() - cached.loadedAt < CACHE_TTL_MS) return cached.dates;
    const dates = this.load(year);
    const entry = { dates, loadedAt: Date.now() };
    this.years.set(year, entry);
    // A failed load is not cached; the next call tries again.
    dates.catch(() => this.years.get(year) === entry && this.years.delete(year));
    return dates;
  }

  private async load(year: number): Promise<ReadonlySet<LocalDate>> {
    const rows = (await this.db.query(
      `SELECT date::text AS date FROM holidays WHERE date >= make_date($1::int, 1, 1) AND date < make_date($1::int + 1, 1, 1)`,
      [year],
    )) as { date: LocalDate }[];
    if (rows.length === 0 && !this.warnedYears.has(year)) {
      // Every Vietnamese year has public holidays: none recorded means the list was never entered.
      this.warnedYears.add(year);
      this.logger.warn(
        `No public holidays are recorded for ${year}: working-day deadlines count only weekends until they are entered (PUT /calendar/holidays)`,
      );
    }
    return new Set(rows.map((row) => row.date));
  }
}
