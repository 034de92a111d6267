import { Role } from './roles';

/** The statuses a case moves through (docs/domain.md, The case workflow). */
export const CASE_STATUSES = [
  'received',
  'initial_assessed',
  'detailed_assessed',
  'plan_drafted',
  'in_intervention',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The Decree 56 process as one table: for each step, the statuses it may start from, the status
 * it leads to (null: the status stays), the roles that may take it, and what else must hold.
 * Controllers never set a status: they name a step and `applyStep` decides.
 */
export type CaseStep =
  | 'initial_assessment'
  | 'emergency_action'
  | 'temporary_separation'
  | 'extend_separation'
  | 'detailed_assessment'
  | 'case_meeting'
  | 'draft_plan'
  | 'return_plan'
  | 'approve_plan'
  | 'review_close'
  | 'review_replan'
  | 'close'
  | 'reopen';

export interface CaseState {
  status: CaseStatus;
  substantiation: 'pending' | 'substantiated' | 'unsubstantiated';
  /** A temporary separation is in force (its end not yet met). */
  separating?: boolean;
}

interface StepRule {
  from: readonly CaseStatus[];
  to: CaseStatus | null;
  roles: readonly Role[];
  /** A reason the step may not be taken now, or null. */
  requires?: (state: CaseState) => string | null;
}

const OFFICERS: readonly Role[] = ['commune_officer', 'provincial_officer'];
/** Whoever approves a plan (Mẫu 05) may also send it back. */
const APPROVERS: readonly Role[] = ['commune_chair', 'provincial_officer'];
const OPEN: readonly CaseStatus[] = [
  'received',
  'initial_assessed',
  'detailed_assessed',
  'plan_drafted',
  'in_intervention',
];

export const CASE_STEPS: Readonly<Record<CaseStep, StepRule>> = {
  initial_assessment: { from: ['received'], to: 'initial_assessed', roles: OFFICERS },
  // Medical care, police protection, safe shelter: any time the case is open.
  emergency_action: { from: OPEN, to: null, roles: [...OFFICERS, 'commune_chair'] },
  // Decree 56 Art. 32: only the chairman of the commune People's Committee decides a separation.
  temporary_separation: { from: OPEN, to: null, roles: ['commune_chair'] },
  // Art. 32: a competent authority extends a separation; the chair records the decision.
  extend_separation: {
    from: OPEN,
    to: null,
    roles: ['commune_chair'],
    requires: (state) => (state.separating ? null : 'No temporary separation is in force to extend'),
  },
  detailed_assessment: { from: ['initial_assessed'], to: 'detailed_assessed', roles: OFFICERS },
  // Step 4: the chair convenes the agencies and the family to decide the protection measures; any
  // case role records it, while the case is open.
  case_meeting: { from: OPEN, to: null, roles: [...OFFICERS, 'commune_chair'] },
  draft_plan: {
    from: ['detailed_assessed'],
    to: 'plan_drafted',
    roles: OFFICERS,
    requires: (state) =>
      state.substantiation === 'unsubstantiated' ? 'An unsubstantiated concern needs no plan: close the case' : null,
  },
  approve_plan: { from: ['plan_drafted'], to: 'in_intervention', roles: APPROVERS },
  // The approver sends the plan back for a new draft instead of approving it.
  return_plan: { from: ['plan_drafted'], to: 'detailed_assessed', roles: APPROVERS },
  review_close: { from: ['in_intervention'], to: 'closed', roles: OFFICERS },
  review_replan: { from: ['in_intervention'], to: 'detailed_assessed', roles: OFFICERS },
  close: {
    from: ['detailed_assessed'],
    to: 'closed',
    roles: OFFICERS,
    requires: (state) =>
      state.substantiation === 'unsubstantiated'
        ? null
        : 'Only an unsubstantiated case closes straight after the detailed assessment; a substantiated one is closed by a review',
  },
  reopen: { from: ['closed'], to: 'initial_assessed', roles: OFFICERS },
};

export const STEP_NAMES = Object.keys(CASE_STEPS) as CaseStep[];

export type StepOutcome = { allowed: true; status: CaseStatus } | { allowed: false; reason: string };

/** Whether `step` may be taken from `state`; the role is checked by the access rules built from this table. */
export function applyStep(step: CaseStep, state: CaseState): StepOutcome {
  const rule = CASE_STEPS[step];
  if (!rule.from.includes(state.status)) {
    return { allowed: false, reason: `A case that is ${state.status} cannot take the step ${step}` };
  }
  const blocked = rule.requires?.(state);
  if (blocked) return { allowed: false, reason: blocked };
  return { allowed: true, status: rule.to ?? state.status };
}

/** The steps a role may take at all (for the access rules). */
export function stepsOf(role: Role): CaseStep[] {
  return STEP_NAMES.filter((step) => CASE_STEPS[step].roles.includes(role));
}

/** Each step as the endpoint that takes it (`POST /cases/{id}/<endpoint>`), the names of `allowedActions`. */
export const STEP_ENDPOINTS: Readonly<Record<CaseStep, string>> = {
  initial_assessment: 'initial-assessment',
  emergency_action: 'emergency-actions',
  temporary_separation: 'emergency-actions',
  extend_separation: 'separation/extend',
  detailed_assessment: 'detailed-assessment',
  case_meeting: 'meetings',
  draft_plan: 'plan',
  return_plan: 'plan/return',
  approve_plan: 'plan/approve',
  review_close: 'review',
  review_replan: 'review',
  close: 'close',
  reopen: 'reopen',
};

export const STEP_ENDPOINT_NAMES = [...new Set(Object.values(STEP_ENDPOINTS))];

/**
 * The endpoints a caller may take now: the steps open from the case's state that `mayTake`
 * (the caller's access rules) allows, each endpoint once, in the order of the table.
 */
export function allowedActions(state: CaseState, mayTake: (step: CaseStep) => boolean): string[] {
  const open = STEP_NAMES.filter((step) => applyStep(step, state).allowed && mayTake(step));
  return [...new Set(open.map((step) => STEP_ENDPOINTS[step]))];
}
