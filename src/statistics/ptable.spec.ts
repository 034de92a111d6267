import { buildPtable, KEY_SLOTS, maxEntropyDistribution, perturbation, PTABLE_CUTOFF, ptableFor } from './ptable';

const keys = [...Array(KEY_SLOTS).keys()];
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('the perturbation table (maximum entropy, 256 cell-key slots)', () => {
  for (const maxNoise of [1, 2, 3, 5]) {
    describe(`STATS_MAX_NOISE = ${maxNoise}`, () => {
      const table = buildPtable({ maxNoise });

      it('keeps a zero a zero, whatever the cell key', () => {
        expect(keys.map((key) => perturbation(table, 0, key))).toEqual(keys.map(() => 0));
      });

      it('changes no count by more than D and makes none negative', () => {
        for (let count = 1; count <= 3 * PTABLE_CUTOFF; count++)
          for (const key of keys) {
            const change = perturbation(table, count, key);
            expect(Math.abs(change)).toBeLessThanOrEqual(maxNoise);
            expect(count + change).toBeGreaterThanOrEqual(0);
          }
      });

      it('is exactly unbiased over the cell keys for every count, with the chosen variance where the support allows it', () => {
        for (let count = 1; count <= 3 * PTABLE_CUTOFF; count++) {
          const changes = keys.map((key) => perturbation(table, count, key));
          expect(mean(changes)).toBe(0);
          // Whole slots move the variance by at most a few 256ths.
          expect(Math.abs(mean(changes.map((d) => d * d)) - maxNoise / 2)).toBeLessThan(0.05);
        }
      });

      it('is not degenerate: −1, 0 and +1 are all used, a change of one slot in 256 or more gets it, most keys change the count', () => {
        for (const row of table.rows.slice(1)) {
          for (const change of [-1, 0, 1])
            expect(row.changes.find((c) => c.change === change)!.slots).toBeGreaterThan(0);
          for (const c of row.changes) if (c.probability >= 1 / KEY_SLOTS) expect(c.slots).toBeGreaterThan(0);
          const zero = row.changes.find((c) => c.change === 0)!;
          expect(zero.slots).toBeLessThan(KEY_SLOTS * 0.75);
        }
      });

      it('gives the same change for the same count and key, and keys are read mod 256', () => {
        const again = buildPtable({ maxNoise });
        for (const count of [1, 2, 7, 10, 11, 500])
          for (const key of keys) {
            expect(perturbation(again, count, key)).toBe(perturbation(table, count, key));
            expect(perturbation(table, count, key + 256 * 37)).toBe(perturbation(table, count, key));
          }
      });
    });
  }

  it('solves the maximum-entropy problem: the constraints hold and the distribution is the exponential family', () => {
    const support = [-1, 0, 1, 2];
    const p = maxEntropyDistribution(support, 1);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p.reduce((sum, pi, i) => sum + pi * support[i], 0)).toBeCloseTo(0, 12);
    expect(p.reduce((sum, pi, i) => sum + pi * support[i] ** 2, 0)).toBeCloseTo(1, 12);
    // log p is a quadratic in d: its second differences are equal.
    const logs = p.map(Math.log);
    expect(logs[2] - 2 * logs[1] + logs[0]).toBeCloseTo(logs[3] - 2 * logs[2] + logs[1], 9);
    // Full support: symmetric.
    const full = maxEntropyDistribution([-2, -1, 0, 1, 2], 1);
    expect(full[0]).toBeCloseTo(full[4], 12);
    expect(full[1]).toBeCloseTo(full[3], 12);
  });

  it('refuses a variance the support cannot have', () => {
    expect(() => maxEntropyDistribution([-1, 0, 1], 2)).toThrow(/no distribution/);
  });

  it('names its method and parameters, and its default slots are pinned (a change needs a new version)', () => {
    const table = ptableFor(2);
    expect(table.version).toBe('maxent-v1-D2-V1');
    expect(ptableFor(2)).toBe(table);
    expect(
      table.rows.map((row) => `${row.count}: ${row.changes.map((c) => `${c.change}×${c.slots}`).join(' ')}`),
    ).toMatchSnapshot();
  });
});
