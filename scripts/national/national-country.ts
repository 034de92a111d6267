import { ConfigError } from '../../src/config/config';

/**
 * The shape of the synthetic country of `seed:national`: Vietnam's 34 provinces since 1 July 2025
 * (real province codes, made-up names) and 3,321 communes directly under them. No real place
 * names and no real people: every name says "synthetic".
 */
export const PROVINCE_CODES = [
  '01',
  '04',
  '08',
  '11',
  '12',
  '14',
  '15',
  '19',
  '20',
  '22',
  '24',
  '25',
  '31',
  '33',
  '37',
  '38',
  '40',
  '42',
  '44',
  '46',
  '48',
  '51',
  '52',
  '56',
  '66',
  '68',
  '75',
  '79',
  '80',
  '82',
  '86',
  '91',
  '92',
  '96',
] as const;

export const COMMUNE_COUNT = 3321;

/** Communes per province, as even as the total allows (3,321 = 23 × 98 + 11 × 97). */
export function communesPerProvince(total = COMMUNE_COUNT): number[] {
  const base = Math.floor(total / PROVINCE_CODES.length);
  const extra = total % PROVINCE_CODES.length;
  return PROVINCE_CODES.map((_, index) => base + (index < extra ? 1 : 0));
}

export interface NationalOptions {
  cases: number;
  /** Years of cases, ending with `lastYear` (2021–2025 by default). */
  years: number;
  lastYear: number;
  /** Share of cases whose child already has another case: distinct children < cases. */
  repeatShare: number;
  chunk: number;
}

export const DEFAULT_OPTIONS: NationalOptions = {
  cases: 2_000_000,
  years: 5,
  lastYear: 2025,
  repeatShare: 0.15,
  chunk: 100_000,
};

/** `NATIONAL_CASES` (default 2,000,000) chooses the country's size. */
export function optionsFromEnv(env = process.env): NationalOptions {
  const cases = env.NATIONAL_CASES ? Number(env.NATIONAL_CASES) : DEFAULT_OPTIONS.cases;
  if (!Number.isInteger(cases) || cases < 1000 || cases > 20_000_000)
    throw new ConfigError('NATIONAL_CASES', 'must be a whole number from 1000 to 20000000');
  return { ...DEFAULT_OPTIONS, cases };
}
