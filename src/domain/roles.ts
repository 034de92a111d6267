/** The roles (docs/domain.md, Roles); each user has one, with an area whose subtree is its scope. */
export const ROLES = [
  'admin',
  'hotline_operator',
  'commune_officer',
  'commune_chair',
  'provincial_officer',
  'police',
  'health',
  'justice',
  'education',
  'social',
  'manager',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Staff of the agencies that carry out interventions. */
export const AGENCY_ROLES = ['police', 'health', 'justice', 'education', 'social'] as const satisfies readonly Role[];

/** Child-protection roles that manage case files. */
export const CASE_ROLES = ['commune_officer', 'commune_chair', 'provincial_officer'] as const satisfies readonly Role[];

/** Roles that see anonymized statistics of their area. */
export const STATISTICS_ROLES = [
  'manager',
  'provincial_officer',
  'commune_officer',
  'commune_chair',
] as const satisfies readonly Role[];
