import { suppressCells, SuppressionResult } from './suppression';

const MIN = 10;
const shown = (rows: number[], result: SuppressionResult) =>
  rows.map((count, index) => (result.rows[index] ? null : count));

/**
 * A reader trying to recover hidden counts: it tries every value each hidden cell could hold and
 * keeps the combinations that add up. It knows the rule, so it knows which hidden cells are small
 * (1 to min − 1) and which were hidden to protect them (min or more, and no larger than the
 * smallest row still shown). Returns the values each small hidden cell could still have.
 */
function attack(rows: number[], total: number, result: SuppressionResult, min: number): Map<string, Set<number>> {
  const visible = rows.filter((_, i) => !result.rows[i]);
  const visibleNonZero = visible.filter((count) => count > 0);
  const ceiling = visibleNonZero.length ? Math.min(...visibleNonZero) : total + min * 2;
  const cells = rows.flatMap((_, i) => (result.rows[i] ? [{ name: `row${i}`, reason: result.rows[i]! }] : []));
  const ranges = cells.map(({ reason }) => (reason === 'primary' ? [1, min - 1] : [min, Math.max(min, ceiling)]));
  const possible = new Map(cells.filter((c) => c.reason === 'primary').map((c) => [c.name, new Set<number>()]));
  const totalPossible = new Set<number>();
  const visibleSum = visible.reduce((a, b) => a + b, 0);
  const totalFits = (sum: number) =>
    result.total === null ? sum === total : result.total === 'primary' ? sum >= 1 && sum < min : sum >= min;
  const values: number[] = [];
  const walk = (index: number) => {
    if (index === cells.length) {
      const sum = visibleSum + values.reduce((a, b) => a + b, 0);
      if (!totalFits(sum)) return;
      cells.forEach((cell, i) => possible.get(cell.name)?.add(values[i]));
      totalPossible.add(sum);
      return;
    }
    for (let value = ranges[index][0]; value <= ranges[index][1]; value++) {
      values.push(value);
      walk(index + 1);
      values.pop();
    }
  };
  walk(0);
  if (result.total === 'primary') possible.set('total', totalPossible);
  return possible;
}

const recovered = (possible: Map<string, Set<number>>) =>
  [...possible].filter(([, values]) => values.size <= 1).map(([name]) => name);

describe('primary suppression', () => {
  it('hides counts from 1 to STATS_MIN_CELL − 1 and shows zero', () => {
    const rows = [0, 1, 9, 10, 25];
    const result = suppressCells(rows, 45, MIN);
    expect(result.rows.slice(0, 3)).toEqual([null, 'primary', 'primary']);
    expect(shown(rows, result)[0]).toBe(0);
    expect(result.total).toBeNull();
  });

  it('hides a small total with no breakdown', () => {
    expect(suppressCells([], 7, MIN)).toEqual({ rows: [], total: 'primary' });
    expect(suppressCells([], 0, MIN)).toEqual({ rows: [], total: null });
    expect(suppressCells([], 10, MIN)).toEqual({ rows: [], total: null });
  });

  it('follows STATS_MIN_CELL', () => {
    expect(suppressCells([], 4, 5).total).toBe('primary');
    expect(suppressCells([], 5, 5).total).toBeNull();
  });
});

describe('secondary suppression', () => {
  it('hides the smallest other non-zero row when exactly one row is hidden (API.md)', () => {
    const rows = [3, 0, 40, 12, 25];
    const result = suppressCells(rows, 80, MIN);
    expect(result.rows).toEqual(['primary', null, null, 'secondary', null]);
  });

  it('does not let the total minus the shown rows give a hidden cell away', () => {
    const rows = [4, 30, 50];
    const result = suppressCells(rows, 84, MIN);
    // Reader's attempt: 84 − 30 − 50 would be 4 if only the first row were hidden.
    expect(shown(rows, result).filter((count) => count === null)).toHaveLength(2);
    expect(recovered(attack(rows, 84, result, MIN))).toEqual([]);
  });

  it('protects two hidden ones whose sum would reveal them both', () => {
    // Hidden 1 and 1 add up to 2: each must be 1, so a third row is hidden.
    const rows = [1, 1, 30, 45];
    const result = suppressCells(rows, 77, MIN);
    expect(result.rows).toEqual(['primary', 'primary', 'secondary', null]);
    expect(recovered(attack(rows, 77, result, MIN))).toEqual([]);
  });

  it('protects a small cell from a reader who knows the secondary cell was the smallest row', () => {
    // 9 + 10 = 19 hidden; the partner is at least 10 and at most the smallest shown row (10): the
    // small one would be 9. A further row is hidden.
    const rows = [9, 10, 10, 50];
    const result = suppressCells(rows, 79, MIN);
    expect(result.rows.filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(recovered(attack(rows, 79, result, MIN))).toEqual([]);
  });

  it('hides the total when no row is left to hide', () => {
    // One small row and one zero: the total equals the small row.
    const result = suppressCells([6, 0], 6, MIN);
    expect(result).toEqual({ rows: ['primary', null], total: 'primary' });
    // Two rows, one small, the other large: the large one is hidden, the total stays.
    expect(suppressCells([6, 60], 66, MIN)).toEqual({ rows: ['primary', 'secondary'], total: null });
  });

  it('leaves tables without small cells alone', () => {
    expect(suppressCells([0, 10, 19, 200], 229, MIN)).toEqual({ rows: [null, null, null, null], total: null });
  });

  it('refuses rows that do not add up to the total', () => {
    expect(() => suppressCells([1, 2], 4, MIN)).toThrow(/add up/);
  });

  it('is tested by a reader that does recover cells under primary suppression alone', () => {
    const rows = [4, 30, 50];
    const primaryOnly: SuppressionResult = { rows: ['primary', null, null], total: null };
    expect(recovered(attack(rows, 84, primaryOnly, MIN))).toEqual(['row0']);
    const onesOnly: SuppressionResult = { rows: ['primary', 'primary', null, null], total: null };
    expect(recovered(attack([1, 1, 30, 45], 77, onesOnly, MIN))).toEqual(['row0', 'row1']);
  });

  it('withstands recovery attempts on every small table (exhaustive, STATS_MIN_CELL = 4)', () => {
    const min = 4;
    let tables = 0;
    const failures: string[] = [];
    const visit = (rows: number[]) => {
      const total = rows.reduce((a, b) => a + b, 0);
      const result = suppressCells(rows, total, min);
      const exposed = recovered(attack(rows, total, result, min));
      // The one case no suppression can hide without hiding zeros: min − 1 rows of 1 under a
      // small total (the reader knows the total is below min and each hidden row at least 1).
      const allOnesUnderSmallTotal = rows.filter((c) => c > 0).every((c) => c === 1) && total === min - 1;
      if (exposed.length && !allOnesUnderSmallTotal) failures.push(`${rows.join(',')} → ${exposed.join(',')}`);
      tables++;
    };
    const values = [0, 1, 2, 3, 4, 5, 7, 12];
    const build = (rows: number[], length: number) => {
      if (rows.length === length) return visit(rows);
      for (const value of values) build([...rows, value], length);
    };
    for (let length = 1; length <= 4; length++) build([], length);
    expect(tables).toBeGreaterThan(4000);
    expect(failures).toEqual([]);
  });
});
