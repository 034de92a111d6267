import { hasAtMostDecimals, hasAtMostOneDecimal, inBothUnits, shareTargetStatus, targetStatus } from './targets';

describe('plan targets', () => {
  it('meets a "max" target at or below the value (injuries below 550 per 100,000)', () => {
    expect(targetStatus({ value: 550, kind: 'max' }, 549.9)).toEqual({
      value: 550,
      kind: 'max',
      unit: 'per100k',
      per100k: 550,
      percent: 0.55,
      met: true,
    });
    expect(targetStatus({ value: 550, kind: 'max' }, 550)).toMatchObject({ met: true });
    expect(targetStatus({ value: 550, kind: 'max' }, 550.1)).toMatchObject({ met: false });
  });

  it('meets a "min" target at or above the value', () => {
    expect(targetStatus({ value: 80, kind: 'min' }, 80)).toMatchObject({ met: true });
    expect(targetStatus({ value: 80, kind: 'min' }, 79.9)).toMatchObject({ met: false });
  });

  it('judges a half year on its rate scaled to twelve months', () => {
    expect(targetStatus({ value: 550, kind: 'max' }, 300, 6)).toMatchObject({ met: false });
    expect(targetStatus({ value: 550, kind: 'max' }, 270, 6)).toMatchObject({ met: true });
    expect(targetStatus({ value: 15, kind: 'max' }, 1, 1)).toMatchObject({ met: true });
  });

  it('leaves "met" unknown when the rate is not shown', () => {
    expect(targetStatus({ value: 15, kind: 'max' }, null)).toMatchObject({ value: 15, kind: 'max', met: null });
  });

  it('keeps values with at most one decimal, however the number is written', () => {
    for (const value of [0, 550, 0.1, 0.3, 100.1, 99999.9]) expect(hasAtMostOneDecimal(value)).toBe(true);
    for (const value of [0.05, 550.25, 6e-323, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, '550'])
      expect(hasAtMostOneDecimal(value)).toBe(false);
  });

  it('converts per cent of children to per 100,000: "dưới 0,01%" is 10, "dưới 0,005%" is 5', () => {
    expect(inBothUnits('abuse', 0.01, 'percent')).toEqual({ per100k: 10, percent: 0.01 });
    expect(inBothUnits('child_labour', 0.005, 'percent')).toEqual({ per100k: 5, percent: 0.005 });
    expect(inBothUnits('injury', 550, 'per100k')).toEqual({ per100k: 550, percent: 0.55 });
    expect(inBothUnits('supported_in_time', 100, 'percent')).toEqual({ per100k: null, percent: 100 });
  });

  it('keeps a per cent target in its unit ("dưới 0,01%" is 0.01 per cent) and compares it as 10 per 100,000', () => {
    expect(targetStatus({ value: 0.01, kind: 'max', unit: 'percent' }, 9.9)).toEqual({
      value: 0.01,
      kind: 'max',
      unit: 'percent',
      per100k: 10,
      percent: 0.01,
      met: true,
    });
    expect(targetStatus({ value: 0.01, kind: 'max', unit: 'percent' }, 10.1)).toMatchObject({ met: false });
  });

  it('keeps per cent with four decimals (one per 100,000)', () => {
    expect(hasAtMostDecimals(0.005, 4)).toBe(true);
    expect(hasAtMostDecimals(0.00005, 4)).toBe(false);
    expect(hasAtMostDecimals(Number.NaN, 4)).toBe(false);
    expect(hasAtMostDecimals(6e-323, 4)).toBe(false);
    expect(hasAtMostDecimals(0.01, 4)).toBe(true);
  });

  it('judges a share target in per cent (100% of children helped in time)', () => {
    expect(shareTargetStatus({ value: 100, kind: 'min' }, 100)).toEqual({
      value: 100,
      kind: 'min',
      unit: 'percent',
      met: true,
    });
    expect(shareTargetStatus({ value: 100, kind: 'min' }, 99.9)).toMatchObject({ met: false });
    expect(shareTargetStatus({ value: 100, kind: 'min' }, null)).toMatchObject({ met: null });
  });
});
