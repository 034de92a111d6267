import { allowedActions, applyStep, CASE_STEPS, CaseState, CaseStep, stepsOf } from './workflow';
import { Role } from './roles';

const state = (status: CaseState['status'], substantiation: CaseState['substantiation'] = 'pending'): CaseState => ({
  status,
  substantiation,
});
const to = (outcome: ReturnType<typeof applyStep>) => (outcome.allowed ? outcome.status : `refused: ${outcome.reason}`);

describe('the Decree 56 workflow', () => {
  it('runs received → initial_assessed → detailed_assessed → plan_drafted → in_intervention → closed', () => {
    expect(to(applyStep('initial_assessment', state('received')))).toBe('initial_assessed');
    expect(to(applyStep('detailed_assessment', state('initial_assessed')))).toBe('detailed_assessed');
    expect(to(applyStep('draft_plan', state('detailed_assessed', 'substantiated')))).toBe('plan_drafted');
    expect(to(applyStep('approve_plan', state('plan_drafted', 'substantiated')))).toBe('in_intervention');
    expect(to(applyStep('review_close', state('in_intervention', 'substantiated')))).toBe('closed');
  });

  it('sends a review back to detailed_assessed to re-plan', () => {
    expect(to(applyStep('review_replan', state('in_intervention', 'substantiated')))).toBe('detailed_assessed');
  });

  it('closes straight from detailed_assessed only when unsubstantiated', () => {
    expect(to(applyStep('close', state('detailed_assessed', 'unsubstantiated')))).toBe('closed');
    expect(applyStep('close', state('detailed_assessed', 'substantiated')).allowed).toBe(false);
    expect(applyStep('close', state('in_intervention', 'unsubstantiated')).allowed).toBe(false);
  });

  it('draws no plan for an unsubstantiated concern', () => {
    expect(applyStep('draft_plan', state('detailed_assessed', 'unsubstantiated')).allowed).toBe(false);
  });

  it('reopens a closed case to initial_assessed, and nothing else', () => {
    expect(to(applyStep('reopen', state('closed', 'substantiated')))).toBe('initial_assessed');
    expect(applyStep('reopen', state('in_intervention')).allowed).toBe(false);
  });

  it('refuses steps out of order', () => {
    expect(applyStep('detailed_assessment', state('received')).allowed).toBe(false);
    expect(applyStep('approve_plan', state('detailed_assessed')).allowed).toBe(false);
    expect(applyStep('initial_assessment', state('initial_assessed')).allowed).toBe(false);
    expect(applyStep('review_close', state('plan_drafted')).allowed).toBe(false);
  });

  it('allows emergency actions while the case is open, keeping its status, and never once closed', () => {
    expect(to(applyStep('emergency_action', state('received')))).toBe('received');
    expect(to(applyStep('temporary_separation', state('in_intervention')))).toBe('in_intervention');
    expect(applyStep('emergency_action', state('closed')).allowed).toBe(false);
  });

  it('gives each role its part: the chair approves or returns plans, separates and records extensions, officers assess, plan and review', () => {
    expect(stepsOf('commune_chair').sort()).toEqual([
      'approve_plan',
      'case_meeting',
      'emergency_action',
      'extend_separation',
      'return_plan',
      'temporary_separation',
    ]);
    expect(stepsOf('commune_officer')).not.toContain('approve_plan');
    expect(stepsOf('commune_officer')).not.toContain('temporary_separation');
    expect(stepsOf('provincial_officer')).toContain('approve_plan');
    expect(stepsOf('police')).toEqual([]);
  });
});

describe('more of Decree 56', () => {
  it('lets the approver send a drafted plan back to detailed_assessed instead of approving it', () => {
    expect(to(applyStep('return_plan', state('plan_drafted', 'substantiated')))).toBe('detailed_assessed');
    expect(applyStep('return_plan', state('in_intervention', 'substantiated')).allowed).toBe(false);
    expect(CASE_STEPS.return_plan.roles).toEqual(CASE_STEPS.approve_plan.roles);
  });

  it('records a case meeting while the case is open, keeping its status, and never once closed', () => {
    expect(to(applyStep('case_meeting', state('detailed_assessed')))).toBe('detailed_assessed');
    expect(applyStep('case_meeting', state('closed')).allowed).toBe(false);
  });

  it('extends a temporary separation only while one is in force, and only the chair records it', () => {
    expect(to(applyStep('extend_separation', { ...state('in_intervention'), separating: true }))).toBe(
      'in_intervention',
    );
    expect(applyStep('extend_separation', { ...state('in_intervention'), separating: false }).allowed).toBe(false);
    expect(CASE_STEPS.extend_separation.roles).toEqual(['commune_chair']);
  });
});

describe('the actions a caller may take now, named as their endpoints', () => {
  const as = (role: Role) => (step: CaseStep) => CASE_STEPS[step].roles.includes(role);

  it('offers an officer the initial assessment and emergency actions on a received case', () => {
    expect(allowedActions(state('received'), as('commune_officer'))).toEqual([
      'initial-assessment',
      'emergency-actions',
      'meetings',
    ]);
  });

  it('offers the chair emergency actions (separation included) but no assessment', () => {
    expect(allowedActions(state('received'), as('commune_chair'))).toEqual(['emergency-actions', 'meetings']);
  });

  it('offers the chair the approval of a drafted plan, and the officer no approval', () => {
    expect(allowedActions(state('plan_drafted'), as('commune_chair'))).toContain('plan/approve');
    expect(allowedActions(state('plan_drafted'), as('commune_officer'))).not.toContain('plan/approve');
  });

  it('offers closing, not a plan, when the concern was unsubstantiated', () => {
    const actions = allowedActions(state('detailed_assessed', 'unsubstantiated'), as('commune_officer'));
    expect(actions).toContain('close');
    expect(actions).not.toContain('plan');
  });

  it('offers a plan, not closing, when it was substantiated', () => {
    const actions = allowedActions(state('detailed_assessed', 'substantiated'), as('provincial_officer'));
    expect(actions).toContain('plan');
    expect(actions).not.toContain('close');
  });

  it('names the review once though it has two outcomes', () => {
    expect(allowedActions(state('in_intervention', 'substantiated'), as('commune_officer'))).toEqual([
      'emergency-actions',
      'meetings',
      'review',
    ]);
  });

  it('offers only reopening on a closed case, and nothing to agency staff', () => {
    expect(allowedActions(state('closed'), as('commune_officer'))).toEqual(['reopen']);
    expect(allowedActions(state('received'), as('police'))).toEqual([]);
  });
});
