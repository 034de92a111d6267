import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../access/request-context';
import { AuditService } from '../../audit/audit.service';
import { FieldError, InvalidInput, invalidFields } from '../../common/problem';
import { validateRows } from '../../common/validation';
import { HolidayDto, HolidayList, HolidayYearQuery } from './dto/holiday.dto';
import { HolidayCalendar } from './holiday-calendar';
import { localYearOf } from '../../domain/working-days';

/** Far more than any number of years an admin corrects at once (a year has about a dozen days off). */
const MAX_ROWS = 2000;

const yearOf = (date: string) => Number(date.slice(0, 4));

/** Each date once per body: a second row for the same date is an error, not a silent overwrite. */
function rejectDuplicateDates(holidays: HolidayDto[]): void {
  const firstRow = new Map<string, number>();
  const errors: FieldError[] = [];
  holidays.forEach((holiday, index) => {
    const first = firstRow.get(holiday.date);
    if (first === undefined) firstRow.set(holiday.date, index);
    else errors.push({ field: `[${index}].date`, message: `repeats ${holiday.date}, already given in [${first}]` });
  });
  if (errors.length) throw invalidFields(errors, 'duplicate date');
}

@Injectable()
export class HolidaysService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: HolidayCalendar,
  ) {}

  async list(query: HolidayYearQuery): Promise<HolidayList> {
    return { items: await this.holidaysOfYears(this.db.manager, [query.year ?? localYearOf(new Date())]) };
  }

  /** Replaces the whole holiday list of every year named in the body, in one transaction. */
  async replace(caller: Caller, body: unknown): Promise<HolidayList> {
    if (Array.isArray(body) && body.length > MAX_ROWS) {
      throw new InvalidInput([{ field: 'body', message: `must hold at most ${MAX_ROWS} holidays` }]);
    }
    const holidays = await validateRows(HolidayDto, body);
    rejectDuplicateDates(holidays);
    const years = [...new Set(holidays.map((holiday) => yearOf(holiday.date)))].sort((a, b) => a - b);
    if (years.length === 0) return { items: [] };

    const items = await this.db.transaction(async (manager) => {
      // One writer at a time, so two corrections of a year cannot interleave; readers go on.
      await manager.query(`LOCK TABLE holidays IN EXCLUSIVE MODE`);
      const [{ removed }] = (await manager.query(
        `WITH gone AS (DELETE FROM holidays WHERE EXTRACT(YEAR FROM date)::int = ANY($1::int[]) RETURNING 1)
         SELECT count(*)::int AS removed FROM gone`,
        [years],
      )) as { removed: number }[];
      await manager.query(`INSERT INTO holidays (date, name) SELECT * FROM unnest($1::date[], $2::text[])`, [
        holidays.map((holiday) => holiday.date),
        holidays.map((holiday) => holiday.name),
      ]);
      await this.audit.recordBy(
        caller,
        {
          action: 'holidays.replace',
          subjectType: 'Holiday',
          details: { years: years.join(','), holidays: holidays.length, removed },
        },
        manager,
      );
      return this.holidaysOfYears(manager, years);
    });
    this.calendar.forget(years);
    return { items };
  }

  private async holidaysOfYears(manager: EntityManager, years: number[]): Promise<HolidayDto[]> {
    return (await manager.query(
      `SELECT date::text AS date, name FROM holidays WHERE EXTRACT(YEAR FROM date)::int = ANY($1::int[]) ORDER BY date`,
      [years],
    )) as HolidayDto[];
  }
}
