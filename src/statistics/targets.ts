/**
 * Plan targets in rates per 100,000 children (e.g. injuries at most 550, Huế 2025): `max` is met
 * when the rate is at or below the value, `min` when at or above it. Targets are annual, so a
 * half-year, quarter or month is judged on its rate scaled to twelve months. Unknown when the
 * rate is not shown (suppressed, no population): `met` would otherwise hint at a hidden count.
 */
export const TARGET_KINDS = ['max', 'min'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * Targets are kept with one decimal. Decided on the number itself, not on how it prints: class-validator's
 * `maxDecimalPlaces` reads the digits after a '.', and throws on a tiny number printed as `6e-323`.
 */
export function hasAtMostOneDecimal(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.round(value * 10) / 10 === value;
}

export interface Target {
  value: number;
  kind: TargetKind;
}

export interface TargetStatus extends Target {
  met: boolean | null;
}

export function targetStatus(target: Target, rate: number | null, periodMonths = 12): TargetStatus {
  if (rate === null) return { ...target, met: null };
  const annualRate = (rate * 12) / periodMonths;
  return { ...target, met: target.kind === 'max' ? annualRate <= target.value : annualRate >= target.value };
}
