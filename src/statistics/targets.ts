import { INDICATORS } from './indicators';

/**
 * Plan targets. Rate indicators are judged per 100,000 children (e.g. injuries at most 550, Huế
 * 2025): `max` is met when the rate is at or below the value, `min` when at or above it. Plans also
 * write them in per cent of children ("dưới 0,01%"): entered with `unit: percent` and compared as
 * per 100,000 (1% = 1,000 per 100,000), shown in both units. Rate targets are annual, so a
 * half-year, quarter or month is judged on its rate scaled to twelve months. KPI targets
 * (`supported_in_time`, `initial_assessment_on_time`) are shares in per cent, judged on the share
 * of the period as it stands. Unknown when the figure is not shown (suppressed, no population,
 * nothing due): `met` would otherwise hint at a hidden count.
 */
export const TARGET_KINDS = ['max', 'min'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TARGET_UNITS = ['per100k', 'percent'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

export const KPI_TARGET_INDICATORS = ['supported_in_time', 'initial_assessment_on_time'] as const;
export type KpiTargetIndicator = (typeof KPI_TARGET_INDICATORS)[number];

export const TARGET_INDICATORS = [...INDICATORS, ...KPI_TARGET_INDICATORS] as const;
export type TargetIndicator = (typeof TARGET_INDICATORS)[number];

export function isKpiTarget(indicator: string): indicator is KpiTargetIndicator {
  return (KPI_TARGET_INDICATORS as readonly string[]).includes(indicator);
}

/** Per cent of children to children per 100,000. */
export const PER_100K_PER_PERCENT = 1000;

/**
 * Targets per 100,000 are kept with one decimal, so per cent with four. Decided on the number
 * itself, not on how it prints: class-validator's `maxDecimalPlaces` reads the digits after a '.',
 * and throws on a tiny number printed as `6e-323`.
 */
export function hasAtMostDecimals(value: unknown, decimals: number): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale === value;
}

export function hasAtMostOneDecimal(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.round(value * 10) / 10 === value;
}

/** A rate target entered in `unit`, in both units: per 100,000 (what rates are compared with) and per cent. */
export function rateTargetInBothUnits(value: number, unit: TargetUnit): { per100k: number; percent: number } {
  const per100k = unit === 'percent' ? Math.round(value * PER_100K_PER_PERCENT * 10) / 10 : value;
  return { per100k, percent: Math.round((per100k / PER_100K_PER_PERCENT) * 10000) / 10000 };
}

/** A stored target in both units (`per100k` null for KPI targets, which are shares). */
export function inBothUnits(
  indicator: string,
  value: number,
  unit: TargetUnit,
): { per100k: number | null; percent: number } {
  if (isKpiTarget(indicator)) return { per100k: null, percent: value };
  return rateTargetInBothUnits(value, unit);
}

/** A rate target: `value` in the unit it was entered in (`0.01` with `percent`). */
export interface Target {
  value: number;
  kind: TargetKind;
  unit?: TargetUnit;
}

export interface TargetStatus extends Target {
  unit: TargetUnit;
  /** The same target per 100,000 children: what the rate is compared with. */
  per100k: number;
  /** The same target in per cent of children. */
  percent: number;
  met: boolean | null;
}

export function targetStatus(target: Target, rate: number | null, periodMonths = 12): TargetStatus {
  const unit = target.unit ?? 'per100k';
  const shown = { value: target.value, kind: target.kind, unit, ...rateTargetInBothUnits(target.value, unit) };
  if (rate === null) return { ...shown, met: null };
  const annualRate = (rate * 12) / periodMonths;
  return { ...shown, met: target.kind === 'max' ? annualRate <= shown.per100k : annualRate >= shown.per100k };
}

/** A KPI target: a share in per cent. */
export interface ShareTarget {
  value: number;
  kind: TargetKind;
}

export interface ShareTargetStatus extends ShareTarget {
  unit: 'percent';
  met: boolean | null;
}

export function shareTargetStatus(target: ShareTarget, share: number | null): ShareTargetStatus {
  const shown = { value: target.value, kind: target.kind, unit: 'percent' as const };
  if (share === null) return { ...shown, met: null };
  return { ...shown, met: target.kind === 'max' ? share <= target.value : share >= target.value };
}
