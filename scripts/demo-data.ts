import { TargetIndicator, TargetKind, TargetUnit } from '../src/statistics/targets';
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

/** One account per role (docs/domain.md, Roles): `demo.<role>`. */
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
  indicator: TargetIndicator;
  areaCode: string;
  year: number;
  value: number;
  /** As the plan writes it: per 100,000 children, or per cent ("dưới 0,01%"). */
  unit: TargetUnit;
  kind: TargetKind;
  /** The plan sentence, for the reader of this list. */
  plan: string;
}

/**
 * Every target of the seed plans that the service can compute (docs/statistics.md, Targets; README
 * "Performance indicators"), on the demo areas, in the units the plans use. Thừa Thiên Huế's 2023
 * plan and Huế's 2025 plan are the same province (code 46).
 */
export const DEMO_TARGETS: readonly DemoTarget[] = [
  // Per cent of children.
  {
    indicator: 'abuse',
    areaCode: DEMO_PROVINCE.code,
    year: 2025,
    value: 0.01,
    unit: 'percent',
    kind: 'max',
    plan: 'Huế 2025: tỷ lệ trẻ em bị xâm hại dưới 0,01%',
  },
  {
    indicator: 'child_labour',
    areaCode: DEMO_PROVINCE.code,
    year: 2025,
    value: 0.005,
    unit: 'percent',
    kind: 'max',
    plan: 'Huế 2025: trẻ em 5–17 tuổi lao động trái quy định dưới 0,005%',
  },
  // Per 100,000 children.
  {
    indicator: 'injury',
    areaCode: DEMO_PROVINCE.code,
    year: 2025,
    value: 550,
    unit: 'per100k',
    kind: 'max',
    plan: 'Huế 2025: tai nạn, thương tích 550/100.000',
  },
  {
    indicator: 'injury',
    areaCode: DEMO_PROVINCE.code,
    year: 2023,
    value: 600,
    unit: 'per100k',
    kind: 'max',
    plan: 'Thừa Thiên Huế 2023: dưới 600/100.000',
  },
  {
    indicator: 'injury_death',
    areaCode: DEMO_PROVINCE.code,
    year: 2025,
    value: 15,
    unit: 'per100k',
    kind: 'max',
    plan: 'Huế 2025: tử vong do tai nạn, thương tích dưới 15/100.000',
  },
  {
    indicator: 'injury_death',
    areaCode: DEMO_PROVINCE.code,
    year: 2023,
    value: 18,
    unit: 'per100k',
    kind: 'max',
    plan: 'Thừa Thiên Huế 2023: dưới 18/100.000',
  },
  {
    indicator: 'injury',
    areaCode: '70',
    year: 2025,
    value: 550,
    unit: 'per100k',
    kind: 'max',
    plan: 'Bình Phước 2025: 550/100.000',
  },
  {
    indicator: 'injury_death',
    areaCode: '70',
    year: 2025,
    value: 13,
    unit: 'per100k',
    kind: 'max',
    plan: 'Bình Phước 2025: 13/100.000',
  },
  {
    indicator: 'injury',
    areaCode: '92',
    year: 2025,
    value: 420,
    unit: 'per100k',
    kind: 'max',
    plan: 'Cần Thơ 2025: 420/100.000',
  },
  {
    indicator: 'injury',
    areaCode: '92',
    year: 2030,
    value: 400,
    unit: 'per100k',
    kind: 'max',
    plan: 'Cần Thơ 2030: 400/100.000',
  },
  {
    indicator: 'injury_death',
    areaCode: '92',
    year: 2025,
    value: 15,
    unit: 'per100k',
    kind: 'max',
    plan: 'Cần Thơ 2025: dưới 15/100.000',
  },
  {
    indicator: 'injury_death',
    areaCode: '92',
    year: 2030,
    value: 10,
    unit: 'per100k',
    kind: 'max',
    plan: 'Cần Thơ 2030: 10/100.000',
  },
  // Timeliness, a share in per cent.
  {
    indicator: 'supported_in_time',
    areaCode: DEMO_PROVINCE.code,
    year: 2023,
    value: 100,
    unit: 'percent',
    kind: 'min',
    plan: 'Thừa Thiên Huế 2023: 100% trẻ em … khi có thông báo, phát hiện được hỗ trợ, can thiệp kịp thời',
  },
];
