import { publishRates, RawCell } from './disclosure-control';

const options = { minCell: 10, periodMonths: 12 };
const cell = (count: number, population: number | null, extra: Partial<RawCell> = {}): RawCell => ({
  key: {},
  count,
  population,
  ...extra,
});

describe('publishing rates', () => {
  it('shows a rate per 100,000 with its exact interval', () => {
    const { total } = publishRates([], cell(40, 30000), options);
    expect(total).toEqual({
      key: {},
      count: 40,
      population: 30000,
      rate: 133.3,
      ci95: [95.3, 181.6],
      flags: [],
      target: null,
    });
  });

  it('hides the count, rate and interval of a small count, but keeps the denominator', () => {
    const { total } = publishRates([], cell(9, 30000), options);
    expect(total).toEqual({
      key: {},
      count: null,
      population: 30000,
      rate: null,
      ci95: null,
      flags: ['suppressed'],
      target: null,
    });
  });

  it('shows a true zero with its interval', () => {
    expect(publishRates([], cell(0, 100000), options).total).toMatchObject({
      count: 0,
      rate: 0,
      ci95: [0, 3.7],
      flags: [],
    });
  });

  it('flags rates on 10 to 19 children as unreliable', () => {
    expect(publishRates([], cell(10, 1000), options).total.flags).toEqual(['unreliable']);
    expect(publishRates([], cell(19, 1000), options).total.flags).toEqual(['unreliable']);
    expect(publishRates([], cell(20, 1000), options).total.flags).toEqual([]);
  });

  it('gives no rate without a population, and says so', () => {
    expect(publishRates([], cell(25, null), options).total).toMatchObject({
      count: 25,
      rate: null,
      ci95: null,
      flags: ['no_population'],
    });
    expect(publishRates([], cell(25, 0), options).total).toMatchObject({ rate: null, flags: ['no_population'] });
  });

  it('applies secondary suppression across the rows', () => {
    const rows = [cell(4, 1000, { key: { sex: 'male' } }), cell(30, 1000, { key: { sex: 'female' } })];
    const published = publishRates(rows, cell(34, 2000), options);
    expect(published.rows.map((row) => row.flags)).toEqual([['suppressed'], ['suppressed']]);
    expect(published.total.count).toBe(34);
  });

  it('tells whether a target is met, except when the rate is hidden', () => {
    const target = { value: 550, kind: 'max' as const };
    expect(publishRates([], cell(50, 10000, { target }), options).total.target).toEqual({
      value: 550,
      kind: 'max',
      met: true,
    });
    expect(publishRates([], cell(5, 10000, { target }), options).total.target).toEqual({
      value: 550,
      kind: 'max',
      met: null,
    });
  });
});
