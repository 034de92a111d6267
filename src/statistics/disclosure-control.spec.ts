import { Protection, publishRates, RawCell } from './disclosure-control';
import { perturbation, ptableFor } from './ptable';

const ptable = ptableFor(2);
const exact = { minCell: 10, periodMonths: 12, protection: 'exact' as Protection, ptable };
const protectedOptions = { ...exact, protection: 'protected' as Protection };
const cell = (count: number, population: number | null, extra: Partial<RawCell> = {}): RawCell => ({
  key: {},
  count,
  keySum: 0,
  population,
  ...extra,
});
/** A cell key whose change for `count` is `change`. */
const keyFor = (count: number, change: number) =>
  [...Array(256).keys()].find((key) => perturbation(ptable, count, key) === change)!;

describe('publishing exact figures (case roles in their own area)', () => {
  it('shows a rate per 100,000 with its exact interval', () => {
    const { total, additive } = publishRates([], cell(40, 30000, { keySum: 77 }), exact);
    expect(total).toEqual({
      key: {},
      protection: 'exact',
      count: 40,
      population: 30000,
      rate: 133.3,
      ci95: [95.3, 181.6],
      flags: [],
      target: null,
    });
    expect(additive).toBe(true);
  });

  it('shows small counts too, nothing suppressed, flagged unreliable', () => {
    const rows = [cell(4, 1000, { key: { sex: 'male' } }), cell(30, 1000, { key: { sex: 'female' } })];
    const published = publishRates(rows, cell(34, 2000), exact);
    expect(published.rows.map((row) => [row.count, row.flags])).toEqual([
      [4, ['unreliable']],
      [30, []],
    ]);
    expect(published.total.count).toBe(34);
  });

  it('shows a true zero with its interval', () => {
    expect(publishRates([], cell(0, 100000), exact).total).toMatchObject({
      count: 0,
      rate: 0,
      ci95: [0, 3.7],
      flags: [],
    });
  });

  it('gives no rate without a population, and says so', () => {
    expect(publishRates([], cell(25, null), exact).total).toMatchObject({
      count: 25,
      rate: null,
      ci95: null,
      flags: ['no_population'],
    });
    expect(publishRates([], cell(25, 0), exact).total).toMatchObject({ rate: null, flags: ['no_population'] });
  });
});

describe('exact figures only over cases the caller may read', () => {
  it('protects, in an exact table, the cells that count a case the caller may not read, and no other', () => {
    const published = publishRates(
      [cell(1, 1000, { keySum: 5 }), { ...cell(1, 1000, { keySum: 9 }), unreadable: true }],
      { ...cell(2, 2000, { keySum: 14 }), unreadable: true },
      exact,
    );
    expect(published.rows[0]).toMatchObject({ protection: 'exact', count: 1 });
    // One child, perturbed then suppressed below minCell: 0 or not shown, never the exact 1.
    expect(published.rows[1].protection).toBe('protected');
    expect([0, null]).toContain(published.rows[1].count);
    expect(published.total.protection).toBe('protected');
    expect([0, null]).toContain(published.total.count);
    expect(published.additive).toBe(false);
  });
});

describe('publishing protected figures (cell-key method)', () => {
  it('perturbs a count by the table entry of its cell key, and computes rate and interval from the published count', () => {
    const { total, additive } = publishRates([], cell(40, 30000, { keySum: keyFor(40, 2) }), protectedOptions);
    // 42 of 30000: 140.0; Garwood 30.2681–56.7693 → 100.9–189.2.
    expect(total).toEqual({
      key: {},
      protection: 'protected',
      count: 42,
      population: 30000,
      rate: 140,
      ci95: [100.9, 189.2],
      flags: [],
      target: null,
    });
    expect(additive).toBe(false);
    expect(publishRates([], cell(40, 30000, { keySum: keyFor(40, -1) }), protectedOptions).total.count).toBe(39);
    expect(publishRates([], cell(40, 30000, { keySum: keyFor(40, 0) + 256 * 9 }), protectedOptions).total.count).toBe(
      40,
    );
  });

  it('suppresses a perturbed count from 1 to minCell − 1, count, rate and interval, but keeps the denominator', () => {
    const { total } = publishRates([], cell(11, 30000, { keySum: keyFor(11, -2) }), protectedOptions);
    expect(total).toEqual({
      key: {},
      protection: 'protected',
      count: null,
      population: 30000,
      rate: null,
      ci95: null,
      flags: ['suppressed'],
      target: null,
    });
    // A true 8 pushed to 10 is shown: nothing tells which 10s were 8s, 9s, 10s, 11s or 12s.
    expect(publishRates([], cell(8, 30000, { keySum: keyFor(8, 2) }), protectedOptions).total).toMatchObject({
      count: 10,
      flags: ['unreliable'],
    });
  });

  it('publishes a true zero as 0 and never a count from 1 to 9, whatever the key', () => {
    for (let count = 0; count <= 40; count++)
      for (let key = 0; key < 256; key++) {
        const published = publishRates([], cell(count, 1000, { keySum: key }), protectedOptions).total.count;
        if (count === 0) expect(published).toBe(0);
        if (published !== null) {
          expect(published === 0 || published >= 10).toBe(true);
          expect(Math.abs(published - count)).toBeLessThanOrEqual(2);
        }
      }
  });

  it('is not a no-op over many cells, and its changes average to about zero', () => {
    // Cells of 10 … 2009 children with pseudo-random keys (xorshift32, fixed seed).
    let seed = 12345;
    const changes: number[] = [];
    for (let i = 0; i < 2000; i++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      seed >>>= 0;
      const count = 10 + i;
      changes.push(publishRates([], cell(count, 1e6, { keySum: seed }), protectedOptions).total.count! - count);
    }
    const changed = changes.filter((change) => change !== 0).length;
    expect(changed / changes.length).toBeGreaterThan(0.5);
    const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(new Set(changes)).toEqual(new Set([-2, -1, 0, 1, 2]));
  });

  it('perturbs every row and the total each with its own key: the rows need not add up', () => {
    const rows = [
      cell(30, 1000, { key: { sex: 'male' }, keySum: keyFor(30, 1) }),
      cell(30, 1000, { key: { sex: 'female' }, keySum: keyFor(30, 1) }),
    ];
    const published = publishRates(rows, cell(60, 2000, { keySum: keyFor(60, -1) }), protectedOptions);
    expect(published.rows.map((row) => row.count)).toEqual([31, 31]);
    expect(published.total.count).toBe(59);
    expect(published.additive).toBe(false);
  });

  it('tells whether a target is met, except when the rate is hidden', () => {
    const target = { value: 550, kind: 'max' as const };
    expect(publishRates([], cell(50, 10000, { target }), protectedOptions).total.target).toEqual({
      value: 550,
      kind: 'max',
      unit: 'per100k',
      per100k: 550,
      percent: 0.55,
      met: true,
    });
    expect(publishRates([], cell(5, 10000, { target, keySum: keyFor(5, 0) }), protectedOptions).total.target).toEqual({
      value: 550,
      kind: 'max',
      unit: 'per100k',
      per100k: 550,
      percent: 0.55,
      met: null,
    });
  });

  it('flags protected rates on 10 to 19 published children as unreliable', () => {
    const flags = (count: number) =>
      publishRates([], cell(count, 1000, { keySum: keyFor(count, 0) }), protectedOptions).total.flags;
    expect(flags(10)).toEqual(['unreliable']);
    expect(flags(19)).toEqual(['unreliable']);
    expect(flags(20)).toEqual([]);
  });
});
