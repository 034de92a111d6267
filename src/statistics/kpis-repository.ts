import { EntityManager } from 'typeorm';
import { descendantsPattern } from '../domain/area-path';
import { AreaRef } from './area-scope';
import { addCells, CountCell, emptyKpis, RawKpis } from './kpis';
import { MONTHLY_MEASURES } from './kpi-facts-sql';
import { Period, PeriodRange } from './periods';

/**
 * The raw KPI figures of an area (key '') and, when asked, of each direct sub-area (key: its
 * code), for one period: read from the per-area sums (`kpi_area_counts`: one row per measure and
 * area), then corrected for the clock from the few fact rows in the future — a deadline counts
 * once it is met or its due time has passed, so unmet deadlines due after `now` are taken out
 * (and are not overdue), and children whose case still has a deadline ahead are supported in
 * time until it passes. No case is read.
 */
export interface KpiQuery {
  area: AreaRef;
  year: number;
  period: Period;
  range: PeriodRange;
  byArea: boolean;
  now: Date;
}

interface SumRow {
  key: string;
  measure: string;
  kind: string;
  days: number;
  count: number;
  keySum: number;
}

const cell = (row: { count: number; keySum: number }): CountCell => ({ count: row.count, keySum: row.keySum });

export async function kpiFigures(manager: EntityManager, query: KpiQuery): Promise<Map<string, RawKpis>> {
  const { area, year, period, range, byArea, now } = query;
  const depth = area.path.split('.').length;
  // The direct sub-area holding a commune path, or '' for the area itself.
  const subArea = byArea ? `split_part(area_path, '.', ${depth + 1})` : `''`;
  const inside = `(area_path = $1 OR area_path LIKE $2)`;
  // The sums of deadlines and closings are kept by month: the period's months, added up below.
  const months = Array.from(
    { length: range.lastMonth - range.firstMonth + 1 },
    (_, i) => `M${String(range.firstMonth + i).padStart(2, '0')}`,
  );
  // The ANY pair puts the periods in the index condition (kpi_area_counts_*_cover); the OR picks the rows.
  const [sums, futureDeadlines, pendingChildren, officers] = await Promise.all([
    manager.query(
      `SELECT CASE WHEN area_code = $1 THEN '' ELSE area_code END AS key, measure, kind, days,
              value::int AS count, (key_sum % 256)::int AS "keySum"
         FROM kpi_area_counts
        WHERE (area_code = $1 OR ($2 AND parent_code = $1))
          AND year IN ($3, 0) AND period = ANY($5::text[])
          AND ((year = $3 AND CASE WHEN measure = ANY($6::text[]) THEN period = ANY($7::text[]) ELSE period = $4 END)
               OR (year = 0 AND period = 'now'))`,
      [area.code, byArea, year, period, [...new Set([...months, period, 'now'])], [...MONTHLY_MEASURES], months],
    ) as Promise<SumRow[]>,
    manager.query(
      `SELECT ${subArea} AS key, kind,
              count(*) FILTER (WHERE in_period AND counted AND NOT met_on_time)::int AS due,
              coalesce(sum(record_key) FILTER (WHERE in_period AND counted AND NOT met_on_time), 0)::int AS "dueKey",
              count(*) FILTER (WHERE open)::int AS open,
              coalesce(sum(record_key) FILTER (WHERE open), 0)::int AS "openKey"
         FROM (SELECT *, year = $4 AND month BETWEEN $5 AND $6 AS in_period
                 FROM kpi_deadline_facts WHERE due_at > $3 AND ${inside}) AS ahead
        GROUP BY 1, 2`,
      [area.path, descendantsPattern(area.path), now, year, range.firstMonth, range.lastMonth],
    ) as Promise<{ key: string; kind: string; due: number; dueKey: number; open: number; openKey: number }[]>,
    manager.query(
      `SELECT ${subArea} AS key, count(*)::int AS count, coalesce(sum(record_key), 0)::int AS "keySum"
         FROM kpi_child_facts WHERE fails_at > $3 AND year = $4 AND period = $5 AND ${inside}
        GROUP BY 1`,
      [area.path, descendantsPattern(area.path), now, year, period],
    ) as Promise<{ key: string; count: number; keySum: number }[]>,
    manager.query(
      `SELECT ${subArea.replace('area_path', 'a.path')} AS key, count(*)::int AS count
         FROM users u JOIN areas a ON a.code = u.area_code
        WHERE u.active AND u.role = 'commune_officer' AND (a.path = $1 OR a.path LIKE $2)
        GROUP BY 1`,
      [area.path, descendantsPattern(area.path)],
    ) as Promise<{ key: string; count: number }[]>,
  ]);
  const figures = new Map<string, RawKpis>();
  const of = (key: string) => {
    let raw = figures.get(key);
    if (!raw) figures.set(key, (raw = emptyKpis()));
    return raw;
  };
  of('');
  for (const row of sums) {
    const raw = of(row.key);
    const plus = (current: CountCell) => addCells(current, cell(row));
    if (row.measure === 'due') raw.due[row.kind] = plus(raw.due[row.kind] ?? { count: 0, keySum: 0 });
    else if (row.measure === 'met') raw.met[row.kind] = plus(raw.met[row.kind] ?? { count: 0, keySum: 0 });
    else if (row.measure === 'open_deadlines') raw.overdueDeadlines = plus(raw.overdueDeadlines);
    else if (row.measure === 'open_cases') raw.openCases = plus(raw.openCases);
    else if (row.measure === 'children') raw.children = plus(raw.children);
    else if (row.measure === 'supported') raw.supported = plus(raw.supported);
    else if (row.measure === 'closed') {
      raw.closed = plus(raw.closed);
      raw.closedByDays.set(row.days, addCells(raw.closedByDays.get(row.days) ?? { count: 0, keySum: 0 }, cell(row)));
    }
  }
  // Subtracting from the whole area's sums: for the total, every sub-area's rows count.
  const keysOf = (key: string) => (byArea && key !== '' ? [key, ''] : ['']);
  for (const row of futureDeadlines) {
    for (const key of keysOf(row.key)) {
      const raw = of(key);
      const minus = (current: CountCell | undefined, count: number, keySum: number) =>
        addCells(current ?? { count: 0, keySum: 0 }, { count, keySum }, -1);
      raw.due[row.kind] = minus(raw.due[row.kind], row.due, row.dueKey);
      raw.overdueDeadlines = minus(raw.overdueDeadlines, row.open, row.openKey);
    }
  }
  for (const row of pendingChildren) {
    for (const key of keysOf(row.key)) of(key).supported = addCells(of(key).supported, cell(row));
  }
  for (const row of officers) for (const key of keysOf(row.key)) of(key).officers += row.count;
  return figures;
}
