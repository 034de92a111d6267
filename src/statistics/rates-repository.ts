import { EntityManager } from 'typeorm';
import { descendantsPattern } from '../domain/area-path';
import { AreaRef, inbound, outboundOrigins, RatesScope } from './area-scope';
import { Basis, Indicator } from './indicators';
import { Period, PeriodRange } from './periods';
import { KpiTargetIndicator, Target } from './targets';

/**
 * The SQL of a rates query: counts from the facts and their per-commune sums, denominators from
 * the population sums, both over the area's subtree as of the period's end, grouped by one key. Nothing here decides
 * what may be shown: the caller hands the numbers to `publishRates`.
 */
export type Grouping = 'none' | 'area' | 'sex' | 'age' | 'form';

export interface Slice {
  indicator: Indicator;
  basis: Basis;
  year: number;
  period: Period;
  range: PeriodRange;
}

export interface KeyedCount {
  key: string;
  count: number;
  /** The children's record keys summed, mod 256: the cell key's share of this group. Never published. */
  keySum: number;
}

export interface PopulationCell {
  sex: 'male' | 'female';
  age: number;
  count: number;
}

class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Inside the area: communes are leaves, so a commune is matched exactly and anything else by prefix. */
function insideArea(column: string, area: AreaRef, params: Parameters): string {
  return area.level === 'commune'
    ? `${column} = ${params.add(area.path)}`
    : `${column} LIKE ${params.add(descendantsPattern(area.path))}`;
}

/** The fact rows of the period: a month's rows, or the first month of each child in the quarter, half, year. */
function inPeriod(range: PeriodRange, params: Parameters): string {
  if (range.level === 'month') return `f.month = ${params.add(range.firstMonth)}`;
  if (range.level === 'year') return 'f.first_in_year';
  const months = `f.month BETWEEN ${params.add(range.firstMonth)} AND ${params.add(range.lastMonth)}`;
  return `${months} AND f.first_in_${range.level}`;
}

/** The grouping key as SQL over a subquery exposing `path`, `sex`, `age` (and `form` for facts). */
function keyOf(grouping: Grouping, area: AreaRef, params: Parameters): string {
  switch (grouping) {
    case 'area':
      // The code of the direct child of the area that holds `path` (codes are path segments).
      return `split_part(path, '.', ${params.add(area.path.split('.').length + 1)}::int)`;
    case 'sex':
      return 'sex';
    case 'age':
      return 'age::text';
    case 'form':
      return 'form';
    default:
      return `''`;
  }
}

/**
 * Distinct children by key, with the sum of their record keys (mod 256) for the cell keys. Totals and breakdowns by area add up the per-commune sums
 * (`statistics_area_counts`); breakdowns by sex, age and form count the fact rows themselves.
 */
export async function countChildren(
  manager: EntityManager,
  scope: RatesScope,
  slice: Slice,
  grouping: Grouping,
): Promise<KeyedCount[]> {
  const params = new Parameters();
  const fromSums = grouping === 'none' || grouping === 'area';
  const [table, columns, measure, keySum] = fromSums
    ? ['statistics_area_counts', 'f.children, f.key_sum', 'sum(children)', 'sum(key_sum)']
    : ['statistics_facts', 'f.sex, f.age, f.form, f.record_key', 'count(*)', 'sum(record_key)'];
  const where = `f.indicator = ${params.add(slice.indicator)} AND f.basis = ${params.add(slice.basis)} AND f.year = ${params.add(slice.year)}
                 AND ${fromSums ? `f.period = ${params.add(slice.period)}` : inPeriod(slice.range, params)}`;
  const leaving = outboundOrigins(scope);
  const arriving = inbound(scope);
  const branches = [
    `SELECT f.area_path AS path, ${columns} FROM ${table} f
      WHERE ${where} AND ${insideArea('f.area_path', scope.area, params)}
      ${leaving.length ? `AND f.area_code <> ALL(${params.add(leaving.map((move) => move.origin))}::text[])` : ''}`,
  ];
  if (arriving.length) {
    branches.push(
      `SELECT moved.path, ${columns}
         FROM ${table} f
         JOIN unnest(${params.add(arriving.map((move) => move.origin))}::text[], ${params.add(arriving.map((move) => move.path))}::text[])
              AS moved(origin, path) ON moved.origin = f.area_code
        WHERE ${where} AND f.area_path = ANY(${params.add(arriving.map((move) => move.originPath))}::text[])`,
    );
  }
  const key = keyOf(grouping, scope.area, params);
  const rows = (await manager.query(
    `SELECT ${key} AS key, ${measure}::int AS count, coalesce(${keySum} % 256, 0)::int AS "keySum" FROM (${branches.join(' UNION ALL ')}) AS counted GROUP BY 1`,
    params.values,
  )) as KeyedCount[];
  return rows;
}

export interface PopulationCells {
  /** Children of the whole area, by sex and single year of age. */
  total: PopulationCell[];
  /** For `groupBy=area`: children of the indicator's ages in each listed area; absent when it has no figures. */
  byArea: Map<string, number>;
}

/**
 * Children by sex and single year of age in the year, from the sums up the area tree
 * (`statistics_population`), corrected for the period's areas: communes not valid at its end are
 * taken out, and a retired commune's children are added to its successor unless the successor has
 * figures of its own for that year (they would be counted twice). Listed areas come summed over
 * `ages` already: one row each, however many there are.
 */
export async function populationCells(
  manager: EntityManager,
  scope: RatesScope,
  year: number,
  areas: AreaRef[],
  ages: { minAge: number; maxAge: number },
): Promise<PopulationCells> {
  const params = new Parameters();
  const yearParam = params.add(year);
  const asOf = params.add(scope.asOf);
  // The code of the direct child of the area holding a commune, to file corrections under.
  const rowOf = (path: string) =>
    areas.length ? `split_part(${path}, '.', ${params.add(scope.area.path.split('.').length + 1)}::int)` : `''`;
  const parts = [
    `SELECT 'total' AS part, area_code AS key, sex, age, count FROM statistics_population WHERE year = ${yearParam} AND area_code = ${params.add(scope.area.code)}`,
    // Few areas are ever out of validity: find them first, then their rows by primary key.
    `SELECT 'correction', ${rowOf('a.path')}, p.sex, p.age, -p.count
       FROM (SELECT code, path FROM areas a
              WHERE ${insideArea('a.path', scope.area, params)}
                AND NOT ((a.valid_from IS NULL OR a.valid_from <= ${asOf}::date) AND (a.valid_to IS NULL OR a.valid_to >= ${asOf}::date))
             OFFSET 0) AS a
       JOIN population p ON p.area_code = a.code AND p.year = ${yearParam}`,
  ];
  if (areas.length) {
    parts.push(
      `SELECT 'area', area_code, NULL, NULL, sum(count) FROM statistics_population
        WHERE year = ${yearParam} AND area_code = ANY(${params.add(areas.map((area) => area.code))}::text[])
          AND age BETWEEN ${params.add(ages.minAge)} AND ${params.add(ages.maxAge)}
        GROUP BY area_code`,
    );
  }
  const arriving = inbound(scope);
  if (arriving.length) {
    parts.push(
      `SELECT 'correction', ${rowOf('moved.path')}, p.sex, p.age, p.count
         FROM population p
         JOIN unnest(${params.add(arriving.map((m) => m.origin))}::text[], ${params.add(arriving.map((m) => m.path))}::text[],
                     ${params.add(arriving.map((m) => m.code))}::text[]) AS moved(origin, path, code) ON p.area_code = moved.origin
        WHERE p.year = ${yearParam}
          AND NOT EXISTS (SELECT 1 FROM population own WHERE own.area_code = moved.code AND own.year = ${yearParam})`,
    );
  }
  const rows = (await manager.query(parts.join(' UNION ALL '), params.values)) as {
    part: 'total' | 'area' | 'correction';
    key: string;
    sex: 'male' | 'female';
    age: number | null;
    count: string;
  }[];
  const result: PopulationCells = { total: [], byArea: new Map() };
  const addToArea = (key: string, count: number) => result.byArea.set(key, (result.byArea.get(key) ?? 0) + count);
  for (const row of rows) {
    const count = Number(row.count);
    if (row.part === 'area') {
      addToArea(row.key, count);
      continue;
    }
    const cell = { sex: row.sex, age: Number(row.age), count };
    result.total.push(cell);
    const inAges = cell.age >= ages.minAge && cell.age <= ages.maxAge;
    if (row.part === 'correction' && inAges && areas.some((area) => area.code === row.key)) addToArea(row.key, count);
  }
  return result;
}

/** The direct children of the area that are valid at the period's end: the rows of `groupBy=area`. */
export async function rowAreas(manager: EntityManager, area: AreaRef, asOf: string): Promise<AreaRef[]> {
  return (await manager.query(
    `SELECT code, path, level FROM areas
      WHERE parent_code = $1 AND (valid_from IS NULL OR valid_from <= $2::date) AND (valid_to IS NULL OR valid_to >= $2::date)
      ORDER BY code`,
    [area.code, asOf],
  )) as AreaRef[];
}

export async function targetsFor(
  manager: EntityManager,
  indicator: Indicator | KpiTargetIndicator,
  year: number,
  areaCodes: string[],
): Promise<Map<string, Target>> {
  // As entered, in their unit: a rate target's status converts it (targetStatus); KPI targets are shares.
  const rows = (await manager.query(
    `SELECT area_code AS "areaCode", value::float8 AS value, kind, unit
       FROM statistics_targets
      WHERE indicator = $1 AND year = $2 AND area_code = ANY($3::text[])`,
    [indicator, year, areaCodes],
  )) as { areaCode: string; value: number; kind: Target['kind']; unit: Target['unit'] }[];
  return new Map(rows.map((row) => [row.areaCode, { value: row.value, kind: row.kind, unit: row.unit }]));
}
