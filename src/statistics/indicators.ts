import { Category } from '../domain/codes';

/**
 * The four indicators (docs/statistics.md, Indicators) as data: which cases qualify (category,
 * fatal, age at the event) and which children form the denominator. The fact table's SQL and the
 * plain `qualifies` below both read this one table, so the rule is written once.
 */
export const INDICATORS = ['abuse', 'injury', 'injury_death', 'child_labour'] as const;
export type Indicator = (typeof INDICATORS)[number];

export const BASES = ['substantiated', 'reported'] as const;
export type Basis = (typeof BASES)[number];

export type Substantiation = 'pending' | 'substantiated' | 'unsubstantiated';

export interface IndicatorRule {
  category: Category;
  /** Only cases where the child died (injury deaths). */
  fatalOnly: boolean;
  /** Ages at the event that count, inclusive; also the ages of the denominator. */
  minAge: number;
  maxAge: number;
  defaultBasis: Basis;
}

export const INDICATOR_RULES: Record<Indicator, IndicatorRule> = {
  // Children are under 16 (Law on Children Art. 1); the denominator is children aged 0–15.
  abuse: { category: 'abuse', fatalOnly: false, minAge: 0, maxAge: 15, defaultBasis: 'substantiated' },
  injury: { category: 'injury', fatalOnly: false, minAge: 0, maxAge: 15, defaultBasis: 'reported' },
  injury_death: { category: 'injury', fatalOnly: true, minAge: 0, maxAge: 15, defaultBasis: 'reported' },
  // Child-labour statistics use ages 5–17 (ILO/Labour Code practice).
  child_labour: { category: 'child_labour', fatalOnly: false, minAge: 5, maxAge: 17, defaultBasis: 'substantiated' },
};

/**
 * Which substantiation states each basis counts: `substantiated` only the substantiated cases,
 * `reported` all but those found unsubstantiated (pending ones included).
 */
export const SUBSTANTIATIONS_BY_BASIS: Record<Basis, readonly Substantiation[]> = {
  substantiated: ['substantiated'],
  reported: ['pending', 'substantiated'],
};

export interface CaseFacts {
  category: Category;
  fatal: boolean;
  ageAtEvent: number;
  substantiation: Substantiation;
}

/** True when the case makes its child count for `indicator` on `basis`. */
export function qualifies(facts: CaseFacts, indicator: Indicator, basis: Basis): boolean {
  const rule = INDICATOR_RULES[indicator];
  return (
    facts.category === rule.category &&
    (!rule.fatalOnly || facts.fatal) &&
    facts.ageAtEvent >= rule.minAge &&
    facts.ageAtEvent <= rule.maxAge &&
    SUBSTANTIATIONS_BY_BASIS[basis].includes(facts.substantiation)
  );
}

export function defaultBasis(indicator: Indicator): Basis {
  return INDICATOR_RULES[indicator].defaultBasis;
}

/** The age groups of the `ageGroup` breakdown (docs/statistics.md, Indicators): 16–17 only for child labour. */
export interface AgeGroup {
  key: string;
  minAge: number;
  maxAge: number;
}

const AGE_GROUPS: readonly AgeGroup[] = [
  { key: '0-4', minAge: 0, maxAge: 4 },
  { key: '5-11', minAge: 5, maxAge: 11 },
  { key: '12-15', minAge: 12, maxAge: 15 },
  { key: '16-17', minAge: 16, maxAge: 17 },
];

/** The groups that overlap the indicator's ages, clipped to them (child labour: 5-11, 12-15, 16-17). */
export function ageGroupsOf(indicator: Indicator): AgeGroup[] {
  const { minAge, maxAge } = INDICATOR_RULES[indicator];
  return AGE_GROUPS.filter((group) => group.maxAge >= minAge && group.minAge <= maxAge).map((group) => ({
    key: group.key,
    minAge: Math.max(group.minAge, minAge),
    maxAge: Math.min(group.maxAge, maxAge),
  }));
}

export function ageGroupOf(indicator: Indicator, age: number): string | undefined {
  return ageGroupsOf(indicator).find((group) => age >= group.minAge && age <= group.maxAge)?.key;
}

/** The rule table as parallel arrays, for `unnest` in the fact table's SQL. */
export function indicatorRuleColumns() {
  const entries = INDICATORS.map((indicator) => [indicator, INDICATOR_RULES[indicator]] as const);
  return {
    indicators: entries.map(([indicator]) => indicator),
    categories: entries.map(([, rule]) => rule.category),
    fatalOnly: entries.map(([, rule]) => rule.fatalOnly),
    minAges: entries.map(([, rule]) => rule.minAge),
    maxAges: entries.map(([, rule]) => rule.maxAge),
  };
}

/** (basis, substantiation) pairs, for `unnest` in the fact table's SQL. */
export function basisColumns() {
  const pairs = BASES.flatMap((basis) => SUBSTANTIATIONS_BY_BASIS[basis].map((state) => [basis, state] as const));
  return { bases: pairs.map(([basis]) => basis), substantiations: pairs.map(([, state]) => state) };
}
