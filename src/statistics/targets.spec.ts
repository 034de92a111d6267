import { hasAtMostOneDecimal, targetStatus } from './targets';

describe('plan targets', () => {
  it('meets a "max" target at or below the value (injuries below 550 per 100,000)', () => {
    expect(targetStatus({ value: 550, kind: 'max' }, 549.9)).toEqual({ value: 550, kind: 'max', met: true });
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
    expect(targetStatus({ value: 15, kind: 'max' }, null)).toEqual({ value: 15, kind: 'max', met: null });
  });

  it('keeps values with at most one decimal, however the number is written', () => {
    for (const value of [0, 550, 0.1, 0.3, 100.1, 99999.9]) expect(hasAtMostOneDecimal(value)).toBe(true);
    for (const value of [0.05, 550.25, 6e-323, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, '550'])
      expect(hasAtMostOneDecimal(value)).toBe(false);
  });
});
