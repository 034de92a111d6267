import { AREA_LEVELS, AreaLevel, PATH_SEPARATOR } from '../domain/area-path';

/**
 * Which level may hold which: a province sits in the country, a district in a province, and a
 * commune in a district or, since districts were abolished on 1 July 2025, directly in a province.
 * Nothing holds a country: there is one, seeded by the migration.
 */
export const PARENT_LEVELS: Readonly<Record<AreaLevel, readonly AreaLevel[]>> = {
  country: [],
  province: ['country'],
  district: ['province'],
  commune: ['district', 'province'],
};

export function isAreaLevel(value: unknown): value is AreaLevel {
  return (AREA_LEVELS as readonly unknown[]).includes(value);
}

/** 0 for the country, growing downwards. */
export function levelRank(level: AreaLevel): number {
  return AREA_LEVELS.indexOf(level);
}

/** Why an area of `childLevel` may not sit under one of `parentLevel`, or null when it may. */
export function parentLevelProblem(childLevel: AreaLevel, parentLevel: AreaLevel): string | null {
  const allowed = PARENT_LEVELS[childLevel];
  if (allowed.includes(parentLevel)) return null;
  if (!allowed.length) return `a ${childLevel} has no parent`;
  return `a ${childLevel} must sit under a ${allowed.join(' or a ')}, not under a ${parentLevel}`;
}

/** The materialized path of a new area: its parent's path, then its own code. */
export function childPath(parentPath: string, code: string): string {
  return `${parentPath}${PATH_SEPARATOR}${code}`;
}

/** A validity period ends on or after the day it starts; open ends are always fine. */
export function isValidPeriod(validFrom: string | null | undefined, validTo: string | null | undefined): boolean {
  return !validFrom || !validTo || validTo >= validFrom;
}
