import { createHash } from 'node:crypto';
import { Role, ROLES } from '../src/domain/roles';

/**
 * The synthetic data of the demo: one real province code with made-up communes, children counts
 * and one account per role. No real people, no real commune names: the names say "Demo".
 */
export const DEMO_PROVINCE = { code: '46', name: 'Thành phố Huế (demo)', parentCode: 'VN' } as const;
export const DEMO_COMMUNE_COUNT = 40;
export const DEMO_YEARS = [2024, 2025, 2026] as const;
export const DEMO_SEXES = ['male', 'female'] as const;
export const CHILD_AGES = Array.from({ length: 18 }, (_, age) => age);

export interface DemoArea {
  code: string;
  name: string;
}

export interface PopulationCell {
  areaCode: string;
  year: number;
  sex: (typeof DEMO_SEXES)[number];
  age: number;
  count: number;
}

export interface DemoAccount {
  username: string;
  role: Role;
  areaCode: string;
  fullName: string;
}

/** 46001..46040, directly under the province: districts are gone since 1 July 2025. */
export function demoCommunes(): DemoArea[] {
  return Array.from({ length: DEMO_COMMUNE_COUNT }, (_, index) => {
    const number = String(index + 1).padStart(2, '0');
    return { code: `${DEMO_PROVINCE.code}0${number}`, name: `${index < 15 ? 'Phường' : 'Xã'} Demo ${number}` };
  });
}

/** A number in [0, 1) fixed by `key`: the same data on every run, without a hand-written generator. */
function unit(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * Children of one commune by year, sex and single year of age, 20–120 per cell: each commune has
 * its own size, boys slightly outnumber girls, and the counts drift a little from year to year.
 */
export function demoPopulation(areaCode: string): PopulationCell[] {
  const size = 0.6 + 0.8 * unit(areaCode);
  const cells: PopulationCell[] = [];
  for (const year of DEMO_YEARS) {
    for (const sex of DEMO_SEXES) {
      for (const age of CHILD_AGES) {
        const noise = 0.85 + 0.3 * unit(`${areaCode}/${year}/${sex}/${age}`);
        const raw = 70 * size * noise * (sex === 'male' ? 1.05 : 1) * (1 - 0.01 * (year - 2024));
        cells.push({ areaCode, year, sex, age, count: Math.min(120, Math.max(20, Math.round(raw))) });
      }
    }
  }
  return cells;
}

const COMMUNE_ROLES: readonly Role[] = ['commune_officer', 'commune_chair'];
const COUNTRY_ROLES: readonly Role[] = ['admin', 'hotline_operator', 'auditor'];

/**
 * The scope of each demo account: commune staff in the first demo commune, the 111 hotline, the
 * auditor and the admin nationwide (so the tour can manage areas anywhere), everyone else in the province.
 */
export function demoScope(role: Role, firstCommune: string): string {
  if (COMMUNE_ROLES.includes(role)) return firstCommune;
  if (COUNTRY_ROLES.includes(role)) return DEMO_PROVINCE.parentCode;
  return DEMO_PROVINCE.code;
}

/** One account per role of API.md: `demo.<role>`. */
export function demoAccounts(firstCommune: string): DemoAccount[] {
  return ROLES.map((role) => ({
    username: `demo.${role}`,
    role,
    areaCode: demoScope(role, firstCommune),
    fullName: `Demo ${role.replace(/_/g, ' ')}`,
  }));
}

/** Provinces of the other seed plans: their area rows only (no communes), so their targets have a home. */
export const DEMO_PLAN_PROVINCES = [
  { code: '70', name: 'Tỉnh Bình Phước (demo)' },
  { code: '92', name: 'Thành phố Cần Thơ (demo)' },
] as const;

export interface DemoTarget {
  indicator: 'injury' | 'injury_death';
  areaCode: string;
  year: number;
  value: number;
  kind: 'max';
}

/** The seed plans' targets per 100,000 children (DOMAIN.md §6): injuries and injury deaths, 2025. */
export const DEMO_TARGETS: readonly DemoTarget[] = [
  { indicator: 'injury', areaCode: DEMO_PROVINCE.code, year: 2025, value: 550, kind: 'max' },
  { indicator: 'injury_death', areaCode: DEMO_PROVINCE.code, year: 2025, value: 15, kind: 'max' },
  { indicator: 'injury', areaCode: '70', year: 2025, value: 550, kind: 'max' },
  { indicator: 'injury_death', areaCode: '70', year: 2025, value: 13, kind: 'max' },
  { indicator: 'injury', areaCode: '92', year: 2025, value: 420, kind: 'max' },
  { indicator: 'injury_death', areaCode: '92', year: 2025, value: 15, kind: 'max' },
];
