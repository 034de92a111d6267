import { AreaLevel } from './area-path';
import { Role } from './roles';

const EVERY_LEVEL = ['country', 'province', 'district', 'commune'] as const;
const BELOW_THE_COUNTRY = ['province', 'district', 'commune'] as const;

/**
 * The area levels a user of each role may be placed on (docs/domain.md, Roles: a role must fit its
 * area's level): the commune roles work a commune, the provincial office a province; the 111 is
 * national and the other hotlines provincial; police serve at every level, the other agencies'
 * staff where interventions are carried out, below the country; managers plan for an
 * area above the communes (a commune's leader is its chair); auditors watch the
 * audit of any area (appointed from above it: `auditor-appointment.ts`); admins run any area. Districts (abolished in 2025) keep the
 * roles of an area above the communes.
 */
const LEVELS_OF_ROLE: Record<Role, readonly AreaLevel[]> = {
  admin: EVERY_LEVEL,
  hotline_operator: ['country', 'province'],
  commune_officer: ['commune'],
  commune_chair: ['commune'],
  provincial_officer: ['province'],
  police: EVERY_LEVEL,
  health: BELOW_THE_COUNTRY,
  justice: BELOW_THE_COUNTRY,
  education: BELOW_THE_COUNTRY,
  social: BELOW_THE_COUNTRY,
  manager: ['country', 'province', 'district'],
  auditor: EVERY_LEVEL,
};

export function levelsOfRole(role: Role): readonly AreaLevel[] {
  return LEVELS_OF_ROLE[role];
}

/** Whether a user of `role` may have an area of `level` as its scope. */
export function roleFitsLevel(role: Role, level: AreaLevel): boolean {
  return LEVELS_OF_ROLE[role].includes(level);
}
