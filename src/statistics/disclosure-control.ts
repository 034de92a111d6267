import { rateWithInterval } from './poisson-interval';
import { Suppression, suppressCells } from './suppression';
import { Target, TargetStatus, targetStatus } from './targets';

/**
 * The one place where counts become publishable figures: suppression, rates, intervals, flags and
 * targets. JSON, CSV, XLSX and the chart all format what this returns, so none can skip it.
 */
export type Flag = 'suppressed' | 'unreliable' | 'no_population';

/** Counts below this are published but flagged: too few events for a stable rate (CDC WONDER). */
export const RELIABLE_COUNT = 20;

export type CellKey = Record<string, string | null>;

/** One aggregated cell before disclosure control: codes, a count of children, a denominator. */
export interface RawCell {
  key: CellKey;
  count: number;
  /** Children in the denominator; null when the population table has none. */
  population: number | null;
  target?: Target | null;
}

export interface PublishedCell {
  key: CellKey;
  count: number | null;
  population: number | null;
  rate: number | null;
  ci95: [number, number] | null;
  flags: Flag[];
  target: TargetStatus | null;
}

export interface PublishOptions {
  minCell: number;
  /** Length of the period in months, to judge annual targets. */
  periodMonths: number;
}

function publishCell(cell: RawCell, suppression: Suppression | null, options: PublishOptions): PublishedCell {
  const flags: Flag[] = [];
  const hasPopulation = cell.population !== null && cell.population > 0;
  let count: number | null = cell.count;
  let figures: { rate: number; ci95: [number, number] } | null = null;
  if (suppression) {
    flags.push('suppressed');
    count = null;
  } else if (cell.count >= options.minCell && cell.count < RELIABLE_COUNT) {
    flags.push('unreliable');
  }
  if (!hasPopulation) flags.push('no_population');
  else if (count !== null) figures = rateWithInterval(count, cell.population!);
  const rate = figures?.rate ?? null;
  return {
    key: cell.key,
    count,
    population: cell.population,
    rate,
    ci95: figures?.ci95 ?? null,
    flags,
    target: cell.target ? targetStatus(cell.target, rate, options.periodMonths) : null,
  };
}

/** Rows must add up to the total (a row for "elsewhere" keeps that true); see `suppressCells`. */
export function publishRates(
  rows: RawCell[],
  total: RawCell,
  options: PublishOptions,
): { rows: PublishedCell[]; total: PublishedCell } {
  const suppression = suppressCells(
    rows.map((row) => row.count),
    total.count,
    options.minCell,
  );
  return {
    rows: rows.map((row, index) => publishCell(row, suppression.rows[index], options)),
    total: publishCell(total, suppression.total, options),
  };
}
