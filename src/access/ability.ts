import { AbilityBuilder, buildMongoQueryMatcher, createMongoAbility, MongoAbility, MongoQuery } from '@casl/ability';
import { isCountry, isWithin } from '../domain/area-path';
import { CaseStep, stepsOf } from '../domain/workflow';
import { Principal } from '../auth/principal';
import { AGENCY_ROLES, CASE_ROLES, Role, STATISTICS_ROLES } from '../domain/roles';

/**
 * Moves of a case that do not depend on its workflow status: giving it to an officer, sending it to
 * another commune, and the target commune's answer to that.
 */
export type CaseMove = 'assign' | 'transfer' | 'decide_transfer';

/** CRUD, plus each step of the case workflow (`cases/workflow.ts` says which roles take it). */
export type Action = 'manage' | 'create' | 'read' | 'update' | 'delete' | CaseStep | CaseMove;
export type Subject =
  | 'Profile'
  | 'Password'
  | 'Session'
  | 'User'
  | 'Area'
  | 'Population'
  | 'Holiday'
  | 'AuditLog'
  | 'Report'
  | 'Case'
  | 'Child'
  | 'CaseAccessLog'
  | 'CaseHistory'
  | 'Intervention'
  | 'Deadline'
  | 'Statistics'
  | 'CallStatistics'
  | 'Call'
  | 'StatisticsTarget'
  | 'Notification'
  | 'all';
export type AppAbility = MongoAbility<[Action, Subject | Record<string, unknown>], MongoQuery>;

/**
 * `{areaPath: {$under: scope}}`: the record's area is the scope or lies inside it. One operator,
 * understood both by the per-record check here and by the SQL translation in `scope-sql.ts`.
 */
const conditionsMatcher = buildMongoQueryMatcher(
  { $under: { type: 'field' } },
  {
    under: (condition: { field: string; value: unknown }, object: Record<string, unknown>, { get }) =>
      isWithin(get(object, condition.field) as string | undefined, condition.value as string),
  },
);

type Can = AbilityBuilder<AppAbility>['can'];

/** Who may file a report (docs/domain.md, Roles). */
const REPORTING_ROLES: readonly Role[] = ['hotline_operator', ...CASE_ROLES, ...AGENCY_ROLES];

/** Who reads the counts of the hotlines' calls (docs/statistics.md, Calls). */
const CALL_STATISTICS_ROLES: readonly Role[] = ['manager', 'provincial_officer', 'hotline_operator'];

/** Who takes part in cases, and so has an inbox: case roles and agency staff (README "Notifications"). */
const INBOX_ROLES: readonly Role[] = [...CASE_ROLES, ...AGENCY_ROLES];

/** Who may do what, per role. Everything not granted here is denied. */
const RULES_BY_ROLE: Record<Role, (can: Can, user: Principal) => void> = {
  admin: (can, user) => {
    can('manage', 'User', { areaPath: { $under: user.areaPath } } as MongoQuery);
    can(['create', 'update'], 'Area', { areaPath: { $under: user.areaPath } } as MongoQuery);
    can(['read', 'update'], 'Population', { areaPath: { $under: user.areaPath } } as MongoQuery);
    can(['read', 'update', 'delete'], 'StatisticsTarget', { areaPath: { $under: user.areaPath } } as MongoQuery);
    // The holiday list moves every deadline in the country: only a country-level admin sets it.
    if (isCountry(user.areaPath)) can('update', 'Holiday');
  },
  // The hotline's own calls (Contract v1.1 "Calls"): recorded by its operators, read back by each.
  hotline_operator: (can, user) => {
    can('create', 'Call');
    can('read', 'Call', { createdBy: user.id } as MongoQuery);
  },
  commune_officer: () => undefined,
  commune_chair: () => undefined,
  provincial_officer: () => undefined,
  police: () => undefined,
  health: () => undefined,
  justice: () => undefined,
  education: () => undefined,
  social: () => undefined,
  manager: () => undefined,
  // The audit of its own area: what the area's users did, and what was done to the area's cases.
  auditor: (can, user) => {
    const under = { $under: user.areaPath };
    // Two rules, either of which grants: CASL joins them with OR (and so does their SQL).
    can('read', 'AuditLog', { actorAreaPath: under } as MongoQuery);
    can('read', 'AuditLog', { caseAreaPath: under } as MongoQuery);
    can('read', 'CaseAccessLog', { areaPath: under } as MongoQuery);
    can('read', 'CaseHistory', { areaPath: under } as MongoQuery);
  },
};

/** Child-protection roles: the cases of their area, and the workflow steps the table gives them. */
function grantCaseRole(can: Can, user: Principal): void {
  const inArea = { areaPath: { $under: user.areaPath } } as MongoQuery;
  can('read', 'Case', inArea);
  can('read', 'CaseAccessLog', inArea);
  can('read', 'CaseHistory', inArea);
  can('read', 'Deadline', inArea);
  const steps = stepsOf(user.role);
  if (steps.length) can(steps, 'Case', inArea);
  // Whoever reads the file may give it to one of its officers, whatever its status.
  can('assign', 'Case', inArea);
  can('read', 'Intervention', { caseAreaPath: { $under: user.areaPath } } as MongoQuery);
  // A case on its way here: the target area's case roles read it, its deadlines and its
  // interventions, and accept or reject it, while the transfer is pending.
  const incoming = { transferAreaPath: { $under: user.areaPath } } as MongoQuery;
  can('read', 'Case', incoming);
  can('read', 'Deadline', incoming);
  can('decide_transfer', 'Case', incoming);
  can('read', 'Intervention', { caseTransferAreaPath: { $under: user.areaPath } } as MongoQuery);
  // The chair reads what the officer reads; managing the file is the officers' work.
  if (user.role !== 'commune_chair') {
    can('transfer', 'Case', inArea);
    can('update', 'Case', inArea);
    // Merging or telling apart two children's records: the cases of both decide (in the service).
    can('update', 'Child');
    can(['create', 'update'], 'Intervention', { caseAreaPath: { $under: user.areaPath } } as MongoQuery);
  }
}

/**
 * Police, health, justice and education staff: only cases with an intervention of their agency
 * inside their area, and only those interventions to update.
 */
function grantAgencyRole(can: Can, user: Principal): void {
  const own = { agency: user.role, areaPath: { $under: user.areaPath } };
  can('read', 'Case', { interventions: { $elemMatch: own } } as MongoQuery);
  can(['read', 'update'], 'Intervention', own as MongoQuery);
}

export function defineAbilityFor(user: Principal): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  const { can } = builder;
  // Reference data every signed-in user needs to work.
  can('read', 'Profile');
  can('update', 'Password'); // their own: POST /auth/password, with the current one
  can('delete', 'Session'); // their own: POST /auth/logout
  can('read', 'Area');
  can('read', 'Holiday');
  if ((STATISTICS_ROLES as readonly Role[]).includes(user.role)) {
    can('read', 'Population', { areaPath: { $under: user.areaPath } } as MongoQuery);
    // Anonymized statistics of their own area only (docs/domain.md, Personal data).
    can('read', 'Statistics', { areaPath: { $under: user.areaPath } } as MongoQuery);
    can('read', 'StatisticsTarget', { areaPath: { $under: user.areaPath } } as MongoQuery);
  }
  // Counts of the hotlines' calls of their area: whoever runs or oversees the hotlines.
  if (CALL_STATISTICS_ROLES.includes(user.role))
    can('read', 'CallStatistics', { areaPath: { $under: user.areaPath } } as MongoQuery);
  if (REPORTING_ROLES.includes(user.role)) {
    // Filing is checked against the caller's area in the intake itself (403 outside it).
    can('create', 'Report');
    can('read', 'Report', { createdBy: user.id });
  }
  if (INBOX_ROLES.includes(user.role)) can(['read', 'update'], 'Notification', { recipientId: user.id });
  if ((CASE_ROLES as readonly Role[]).includes(user.role)) grantCaseRole(can, user);
  if ((AGENCY_ROLES as readonly Role[]).includes(user.role)) grantAgencyRole(can, user);
  RULES_BY_ROLE[user.role](can, user);
  return builder.build({ conditionsMatcher } as never);
}
