/**
 * Small-cell suppression of one table: rows that add up to a total (DOMAIN.md §6, API.md).
 *
 * Primary: a count from 1 to `minCell − 1` is suppressed; zero is shown.
 * Secondary: no primary cell may be recoverable from what is shown. The reader knows the visible
 * rows, the total (when shown) and that the rows add up to it. We assume the worst reader: one who
 * also knows which suppressed cells are small (1 to minCell − 1) and which were suppressed to
 * protect them (at least minCell, and, being chosen smallest first, at most the smallest row still
 * shown). While such a reader could narrow some primary cell to a single value, the smallest
 * non-zero row still shown is suppressed too; with none left, the total. This contains API.md's
 * rule (exactly one suppressed row → the smallest other non-zero row too) and also covers e.g.
 * two suppressed cells of 1 each, whose sum alone would give them away.
 */
export type Suppression = 'primary' | 'secondary';

export interface SuppressionResult {
  rows: (Suppression | null)[];
  total: Suppression | null;
}

interface Unknown {
  /** +1 for a row, −1 for the total: rows − total = 0. */
  sign: 1 | -1;
  lo: number;
  hi: number;
  primary: boolean;
}

export function isSmallCount(count: number, minCell: number): boolean {
  return count >= 1 && count < minCell;
}

/**
 * The values each unknown can take given the others' bounds and Σ rows − total = 0; a single
 * equation with box bounds, so one pass gives the exact range of each unknown.
 */
function feasibleRanges(unknowns: Unknown[], known: number): [number, number][] {
  const low = (u: Unknown) => (u.sign > 0 ? u.lo : -u.hi);
  const high = (u: Unknown) => (u.sign > 0 ? u.hi : -u.lo);
  // Sum of the others' bounds, keeping infinite terms apart so ∞ − ∞ never happens.
  const sumOthers = (bound: (u: Unknown) => number, skip: number) => {
    let finite = 0;
    for (const [index, u] of unknowns.entries()) {
      if (index === skip) continue;
      const value = bound(u);
      if (!Number.isFinite(value)) return value;
      finite += value;
    }
    return finite;
  };
  // Σ sign·value over the unknowns = −known (the visible rows minus the visible total).
  return unknowns.map((u, index) => {
    // sign·value = −known − others, so it lies in [−known − othersHigh, −known − othersLow].
    const [a, b] = [-known - sumOthers(high, index), -known - sumOthers(low, index)];
    const [from, to] = u.sign > 0 ? [a, b] : [-b, -a];
    return [Math.max(u.lo, from), Math.min(u.hi, to)];
  });
}

/** True when a reader could pin some primary-suppressed cell to one value. */
export function exposesPrimaryCell(
  rows: readonly number[],
  total: number,
  result: SuppressionResult,
  minCell: number,
): boolean {
  const visibleNonZero = rows.filter((count, index) => result.rows[index] === null && count > 0);
  const secondaryCeiling = visibleNonZero.length ? Math.min(...visibleNonZero) : Infinity;
  const unknowns: Unknown[] = [];
  let known = 0;
  const bounds = (reason: Suppression, ceiling: number) =>
    reason === 'primary' ? { lo: 1, hi: minCell - 1, primary: true } : { lo: minCell, hi: ceiling, primary: false };
  rows.forEach((count, index) => {
    const reason = result.rows[index];
    if (reason) unknowns.push({ sign: 1, ...bounds(reason, secondaryCeiling) });
    else known += count;
  });
  if (result.total) unknowns.push({ sign: -1, ...bounds(result.total, Infinity) });
  else known -= total;
  if (!unknowns.some((u) => u.primary)) return false;
  return feasibleRanges(unknowns, known).some(([lo, hi], index) => unknowns[index].primary && lo >= hi);
}

export function suppressCells(rows: readonly number[], total: number, minCell: number): SuppressionResult {
  const sum = rows.reduce((a, b) => a + b, 0);
  if (rows.length && sum !== total) throw new Error(`rows add up to ${sum}, not to the total ${total}`);
  const result: SuppressionResult = {
    rows: rows.map((count) => (isSmallCount(count, minCell) ? 'primary' : null)),
    total: isSmallCount(total, minCell) ? 'primary' : null,
  };
  while (exposesPrimaryCell(rows, total, result, minCell)) {
    let smallest = -1;
    rows.forEach((count, index) => {
      if (result.rows[index] === null && count > 0 && (smallest < 0 || count < rows[smallest])) smallest = index;
    });
    if (smallest >= 0) result.rows[smallest] = 'secondary';
    else if (result.total === null) result.total = 'secondary';
    // Nothing left to hide without hiding zeros: only when every non-zero row is a primary 1
    // under a small total (minCell − 1 rows of 1 each); see the spec.
    else break;
  }
  return result;
}
