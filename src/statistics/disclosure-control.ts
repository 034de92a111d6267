import { rateWithInterval } from './poisson-interval';
import { perturbation, Ptable } from './ptable';
import { Target, TargetStatus, targetStatus } from './targets';

/**
 * The one place where counts become publishable figures: protection, rates, intervals, flags and
 * targets. JSON, CSV, XLSX and the chart all format what this returns, so none can skip it.
 *
 * Two protections (docs/statistics.md, Protection):
 * - `exact`: the true counts, nothing suppressed — for case roles inside their own scope, who can
 *   read every case counted anyway.
 * - `protected`: the cell-key method. Every cell (each row, and the total as a cell of its own) is
 *   perturbed by the perturbation table with its cell key (the sum of its children's record keys
 *   mod 256), so the same children give the same figure in every query; then a perturbed count
 *   from 1 to `minCell − 1` is suppressed. Rows need not add up to the total (`additive: false`);
 *   rate and interval come from the published count. No secondary suppression is needed: nothing
 *   published is exact, so differences between published figures pin nothing.
 *
 * A case role's table is exact only where it may read every case counted (read-scope.ts): a cell
 * that counts a case it may not open is published `protected` like a manager's, and says so.
 */
export type Flag = 'suppressed' | 'unreliable' | 'no_population';

export const PROTECTIONS = ['exact', 'protected'] as const;
export type Protection = (typeof PROTECTIONS)[number];

/** Counts below this are published but flagged: too few events for a stable rate (CDC WONDER). */
export const RELIABLE_COUNT = 20;

export type CellKey = Record<string, string | null>;

/** One aggregated cell before disclosure control: codes, a count of children, a denominator. */
export interface RawCell {
  key: CellKey;
  count: number;
  /** Sum of the counted children's record keys (any multiple of 256 apart is the same): secret. */
  keySum: number;
  /** Children in the denominator; null when the population table has none. */
  population: number | null;
  target?: Target | null;
  /** The cell counts a case the caller may not read: never exact. */
  unreadable?: boolean;
}

export interface PublishedCell {
  key: CellKey;
  /** How this cell was made: `protected` in an exact table where it counts a case the caller may not read. */
  protection: Protection;
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
  protection: Protection;
  /** The perturbation table of `protected` figures. */
  ptable: Ptable;
}

export interface PublishedTable {
  rows: PublishedCell[];
  total: PublishedCell;
  /** Whether the rows add up to the total: always for exact counts, not promised for protected ones. */
  additive: boolean;
}

export function isSmallCount(count: number, minCell: number): boolean {
  return count >= 1 && count < minCell;
}

/** A count as published: exact, or perturbed with its cell key (sum of record keys); null when suppressed. */
export function publishCount(
  cell: { count: number; keySum: number },
  options: Pick<PublishOptions, 'protection' | 'ptable' | 'minCell'>,
): number | null {
  if (options.protection === 'exact') return cell.count;
  const perturbed = cell.count + perturbation(options.ptable, cell.count, cell.keySum);
  return isSmallCount(perturbed, options.minCell) ? null : perturbed;
}

const publishedCount = publishCount;

/** The protection of one cell: exact only in an exact table, over cases the caller may all read. */
export function cellProtection(cell: { unreadable?: boolean }, protection: Protection): Protection {
  return protection === 'exact' && !cell.unreadable ? 'exact' : 'protected';
}

function publishCell(cell: RawCell, tableOptions: PublishOptions): PublishedCell {
  const options = { ...tableOptions, protection: cellProtection(cell, tableOptions.protection) };
  const flags: Flag[] = [];
  const hasPopulation = cell.population !== null && cell.population > 0;
  const count = publishedCount(cell, options);
  let figures: { rate: number; ci95: [number, number] } | null = null;
  if (count === null) flags.push('suppressed');
  // Exact counts below minCell are shown (to those who may read the cases): all the more unreliable.
  else if (count > 0 && count < RELIABLE_COUNT && (options.protection === 'exact' || count >= options.minCell)) {
    flags.push('unreliable');
  }
  if (!hasPopulation) flags.push('no_population');
  else if (count !== null) figures = rateWithInterval(count, cell.population!);
  const rate = figures?.rate ?? null;
  return {
    key: cell.key,
    protection: options.protection,
    count,
    population: cell.population,
    rate,
    ci95: figures?.ci95 ?? null,
    flags,
    target: cell.target ? targetStatus(cell.target, rate, options.periodMonths) : null,
  };
}

/** Every row and the total, each on its own (a row for "elsewhere" keeps exact rows adding up). */
export function publishRates(rows: RawCell[], total: RawCell, options: PublishOptions): PublishedTable {
  const published = { rows: rows.map((row) => publishCell(row, options)), total: publishCell(total, options) };
  const exact = [...published.rows, published.total].every((cell) => cell.protection === 'exact');
  return { ...published, additive: exact };
}
