import { PublishedCell } from '../disclosure-control';
import { RatesResult } from '../rates.service';

/**
 * A published breakdown as flat records (one per row, then the total), the shape the CSV and XLSX
 * exports share. Built only from `RatesResult`, which has been through disclosure control. Every
 * record says the protection it was made with (`exact` or `protected`), so a file passed on keeps it.
 * A target is given as entered (`target_value` in `target_unit`) and per 100,000, the rate's unit.
 */
export const FLAT_COLUMNS = [
  'indicator',
  'year',
  'period',
  'area_code',
  'basis',
  'protection',
  'breakdown',
  'key',
  'count',
  'population',
  'rate',
  'ci95_lower',
  'ci95_upper',
  'flags',
  'target_value',
  'target_unit',
  'target_per100k',
  'target_kind',
  'target_met',
] as const;
export type FlatColumn = (typeof FLAT_COLUMNS)[number];
export type FlatRecord = Record<FlatColumn, string | number | boolean | null>;

function flatten(result: RatesResult, cell: PublishedCell, breakdown: string): FlatRecord {
  const keyValue = Object.values(cell.key)[0];
  return {
    indicator: result.indicator,
    year: result.year,
    period: result.period,
    area_code: result.areaCode,
    basis: result.basis,
    protection: cell.protection,
    breakdown,
    key: keyValue ?? null,
    count: cell.count,
    population: cell.population,
    rate: cell.rate,
    ci95_lower: cell.ci95?.[0] ?? null,
    ci95_upper: cell.ci95?.[1] ?? null,
    flags: cell.flags.join(';'),
    target_value: cell.target?.value ?? null,
    target_unit: cell.target?.unit ?? null,
    target_per100k: cell.target?.per100k ?? null,
    target_kind: cell.target?.kind ?? null,
    target_met: cell.target?.met ?? null,
  };
}

export function flatRecords(result: RatesResult): FlatRecord[] {
  const breakdown = result.groupBy ?? 'total';
  return [...result.rows.map((row) => flatten(result, row, breakdown)), flatten(result, result.total, 'total')];
}
