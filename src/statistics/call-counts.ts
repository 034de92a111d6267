import { EntityManager } from 'typeorm';
import { CALL_CHANNELS, CALL_TYPES, CallGroupBy } from '../domain/calls';
import { descendantsPattern } from '../domain/area-path';
import { AreaRef } from './area-scope';
import { CellKey, Protection, publishRates, RawCell } from './disclosure-control';
import { PeriodRange } from './periods';
import { Ptable } from './ptable';

/** Calls by key, with the sum of their record keys (mod 256) for the cell keys. Never published as such. */
export interface CallCount {
  key: string;
  count: number;
  keySum: number;
}

/** One published cell of call statistics: a count (perturbed when protected, null when suppressed), no rate. */
export interface PublishedCallCell {
  key: CellKey;
  count: number | null;
  flags: 'suppressed'[];
}

export interface PublishedCallTable {
  rows: PublishedCallCell[];
  total: PublishedCallCell;
  additive: boolean;
}

/**
 * Calls of the period inside the area, grouped. `area`: the direct child of the area holding the
 * call's area; calls filed at the area itself (no smaller area named) have the key ''.
 */
export async function countCalls(
  manager: EntityManager,
  area: AreaRef,
  range: PeriodRange,
  groupBy: CallGroupBy | undefined,
): Promise<CallCount[]> {
  const depth = area.path.split('.').length + 1;
  const key =
    groupBy === 'area'
      ? `split_part(area_path, '.', $5::int)`
      : groupBy === 'type'
        ? 'type'
        : groupBy === 'channel'
          ? 'channel'
          : `''`;
  return (await manager.query(
    `SELECT ${key} AS key, count(*)::int AS count, (sum(record_key) % 256)::int AS "keySum"
       FROM calls
      WHERE event_date BETWEEN $1::date AND $2::date AND (area_path = $3 OR area_path LIKE $4)
      GROUP BY 1`,
    [range.start, range.end, area.path, descendantsPattern(area.path), ...(groupBy === 'area' ? [depth] : [])],
  )) as CallCount[];
}

/** The rows of a breakdown: every type or channel, or the direct children of the area. */
export function callRowKeys(groupBy: CallGroupBy | undefined, rowAreas: readonly AreaRef[]): CellKey[] {
  if (groupBy === 'type') return CALL_TYPES.map((type) => ({ type }));
  if (groupBy === 'channel') return CALL_CHANNELS.map((channel) => ({ channel }));
  if (groupBy === 'area') return rowAreas.map((child) => ({ areaCode: child.code }));
  return [];
}

const sum = (counts: CallCount[]) =>
  counts.reduce((total, c) => ({ count: total.count + c.count, keySum: (total.keySum + c.keySum) % 256 }), {
    count: 0,
    keySum: 0,
  });

/**
 * The published table: each row and the total through `publishRates`, the one place where counts
 * become publishable (exact, or cell-key perturbed and small counts suppressed), with no
 * population, so no rate and no interval. Calls counted in no listed row (filed at the area itself,
 * or in an area no longer its child) form one more row whose key is null, as for rates.
 */
export function publishCallCounts(
  counts: CallCount[],
  groupBy: CallGroupBy | undefined,
  rowKeys: CellKey[],
  options: { minCell: number; protection: Protection; ptable: Ptable },
): PublishedCallTable {
  const valueOf = (key: CellKey) => Object.values(key)[0];
  const taken = new Set<string>();
  const rows: RawCell[] = rowKeys.map((key) => {
    const matching = counts.filter((c) => c.key === valueOf(key));
    matching.forEach((c) => taken.add(c.key));
    return { key, ...sum(matching), population: null };
  });
  if (groupBy) {
    const elsewhere = sum(counts.filter((c) => !taken.has(c.key)));
    if (elsewhere.count > 0)
      rows.push({ key: { [groupBy === 'area' ? 'areaCode' : groupBy]: null }, ...elsewhere, population: null });
  }
  const published = publishRates(rows, { key: {}, ...sum(counts), population: null }, { ...options, periodMonths: 12 });
  const cell = (published: { key: CellKey; count: number | null; flags: string[] }): PublishedCallCell => ({
    key: published.key,
    count: published.count,
    // Rates' flags (no population, unreliable rate) say nothing of a count of calls.
    flags: published.flags.filter((flag): flag is 'suppressed' => flag === 'suppressed'),
  });
  return { rows: published.rows.map(cell), total: cell(published.total), additive: published.additive };
}
