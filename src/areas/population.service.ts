import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { DataSource, EntityManager } from 'typeorm';
import { descendantsPattern } from '../domain/area-path';
import { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { FieldError, Forbidden, invalidFields, NotFound } from '../common/problem';
import { AreasService } from './areas.service';
import { BodyFormat, bodyFormat, readCsvTable } from './csv-table';
import { PopulationQuery, PopulationRowDto, PopulationSummary, PopulationUpsertResult } from './dto/population.dto';
import { POPULATION_COLUMN_OF, POPULATION_CSV_COLUMNS, populationFromCsv } from './population-csv';
import { repeatedCells, Sex, summarizePopulation } from './population-rules';
import { csvRowNaming, jsonRowNaming, RowNaming, validateCsvRecords, validateFlatRows } from './row-errors';

/** Rows per statement: large enough to be few round trips, small enough to keep each array modest. */
const CHUNK = 20_000;

@Injectable()
export class PopulationService {
  constructor(
    private readonly db: DataSource,
    private readonly areas: AreasService,
    private readonly audit: AuditService,
  ) {}

  /** Upserts by (commune, year, sex, age), all rows or none. */
  async upsert(caller: Caller, contentType: string | undefined, body: unknown): Promise<PopulationUpsertResult> {
    const format = bodyFormat(contentType, ['json', 'csv']);
    const { rows, naming } = this.readRows(format, body);
    const errors: FieldError[] = [];
    for (const [index, first] of repeatedCells(rows)) {
      errors.push(naming.error(index, null, `repeats the areaCode, year, sex and age of ${naming.locate(first)}`));
    }
    const areas = await this.areas.known(rows.map((row) => row.areaCode));
    rows.forEach((row, index) => {
      const area = areas.get(row.areaCode);
      if (!area) errors.push(naming.error(index, 'areaCode', `areaCode ${row.areaCode} is not a known area`));
      else if (area.level !== 'commune')
        errors.push(
          naming.error(index, 'areaCode', `areaCode ${row.areaCode} is a ${area.level}; population is kept by commune`),
        );
    });
    errors.push(...(await this.retiredRows(rows, naming)));
    if (errors.length) throw invalidFields(errors);
    const outside = [...areas.values()].find(
      (area) => !caller.ability.can('update', subject('Population', { areaPath: area.path }) as never),
    );
    if (outside) throw new Forbidden(`Commune ${outside.code} lies outside your area (${caller.user.areaCode})`);

    await this.db.transaction(async (manager) => {
      for (let start = 0; start < rows.length; start += CHUNK)
        await this.write(manager, rows.slice(start, start + CHUNK));
      await this.audit.recordBy(
        caller,
        {
          action: 'population.upsert',
          subjectType: 'Population',
          details: { rows: rows.length, communes: areas.size, format },
        },
        manager,
      );
    });
    return { upserted: rows.length };
  }

  /** Rows of a commune retired before their year began: it had no children that year, its successor did. */
  private async retiredRows(rows: PopulationRowDto[], naming: RowNaming): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    for (const year of new Set(rows.map((row) => row.year))) {
      const ofYear = rows.flatMap((row, index) =>
        row.year === year ? [{ field: String(index), code: row.areaCode }] : [],
      );
      const retired = await this.areas.retiredOn(ofYear, `${year}-01-01`);
      for (const { field, message, ...machine } of retired)
        errors.push({ ...naming.error(Number(field), 'areaCode', message), ...machine });
    }
    return errors.sort((a, b) => a.field.localeCompare(b.field, undefined, { numeric: true }));
  }

  /** Children of the area's whole subtree in one year, by the age bands the rates divide by. */
  async summary(caller: Caller, query: PopulationQuery): Promise<PopulationSummary> {
    const area = (await this.areas.known([query.areaCode])).get(query.areaCode);
    if (!area) throw new NotFound(`The area ${query.areaCode}`);
    if (!caller.ability.can('read', subject('Population', { areaPath: area.path }) as never)) {
      throw new Forbidden(`You may only read population inside your own area (${caller.user.areaCode})`);
    }
    const counts = (await this.db.query(
      `SELECT p.sex, p.age, SUM(p.count)::bigint AS count
         FROM population p JOIN areas a ON a.code = p.area_code
        WHERE p.year = $1 AND (a.path = $2 OR a.path LIKE $3)
        GROUP BY p.sex, p.age`,
      [query.year, area.path, descendantsPattern(area.path)],
    )) as { sex: Sex; age: number; count: string }[];
    const totals = summarizePopulation(
      counts.map(({ sex, age, count }) => ({ sex, age: Number(age), count: Number(count) })),
    );
    return {
      areaCode: area.code,
      year: query.year,
      children0to15: totals.children0to15,
      children5to17: totals.children5to17,
      children0to17: totals.children0to17,
      bySex: totals.bySex,
      byAge: totals.byAge,
    };
  }

  private readRows(format: BodyFormat, body: unknown): { rows: PopulationRowDto[]; naming: RowNaming } {
    if (format === 'json')
      return { rows: validateFlatRows(PopulationRowDto, body, jsonRowNaming), naming: jsonRowNaming };
    const records = readCsvTable(body, POPULATION_CSV_COLUMNS);
    const naming = csvRowNaming(records, POPULATION_COLUMN_OF);
    return { rows: validateCsvRecords(PopulationRowDto, records, populationFromCsv, naming), naming };
  }

  private async write(manager: EntityManager, rows: PopulationRowDto[]): Promise<void> {
    await manager.query(
      `INSERT INTO population (area_code, year, sex, age, count)
       SELECT * FROM unnest($1::text[], $2::smallint[], $3::text[], $4::smallint[], $5::int[])
       ON CONFLICT (area_code, year, sex, age) DO UPDATE SET count = EXCLUDED.count, updated_at = now()`,
      [
        rows.map((row) => row.areaCode),
        rows.map((row) => row.year),
        rows.map((row) => row.sex),
        rows.map((row) => row.age),
        rows.map((row) => row.count),
      ],
    );
  }
}
