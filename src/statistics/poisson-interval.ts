import { jStat } from 'jstat';

/**
 * Exact Poisson (Garwood 1936) 95% interval of an observed count n:
 * lower = χ²(0.025; 2n) / 2, upper = χ²(0.975; 2n + 2) / 2 (Public Health England, CDC practice).
 * For n = 0 the lower limit is 0.
 */
export function garwoodInterval(count: number, confidence = 0.95): [lower: number, upper: number] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const alpha = 1 - confidence;
  const lower = count === 0 ? 0 : jStat.chisquare.inv(alpha / 2, 2 * count) / 2;
  const upper = jStat.chisquare.inv(1 - alpha / 2, 2 * count + 2) / 2;
  return [lower, upper];
}

export const PER = 100_000;

/** Rounded to one decimal, as every published rate and limit is. */
export const roundRate = (value: number) => Math.round(value * 10) / 10;

/** The rate per 100,000 and its 95% interval, both rounded to one decimal. */
export function rateWithInterval(count: number, population: number): { rate: number; ci95: [number, number] } {
  if (population <= 0) throw new RangeError('population must be positive');
  const [lower, upper] = garwoodInterval(count);
  const scale = PER / population;
  return { rate: roundRate(count * scale), ci95: [roundRate(lower * scale), roundRate(upper * scale)] };
}
