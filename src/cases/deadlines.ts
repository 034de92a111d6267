import { Form, Perpetrator } from '../domain/codes';

export const DEADLINE_KINDS = [
  'initial_assessment',
  'emergency_response',
  'separation_end',
  'plan_draft',
  'plan_approval',
  'police_referral',
  'intervention',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface DueDeadline {
  kind: DeadlineKind;
  dueAt: Date;
}

const HOUR_MS = 3600 * 1000;
const addHours = (start: Date, hours: number) => new Date(start.getTime() + hours * HOUR_MS);

/** Forms that always go to the police within 24 hours (policy: docs/domain.md, Deadlines). */
export const POLICE_REFERRAL_FORMS: readonly Form[] = ['sexual_abuse', 'trafficking'];
/** Alleged abusers whose involvement makes the case an emergency (Decree 56 Arts. 26.3, 31.2). */
export const EMERGENCY_PERPETRATORS: readonly Perpetrator[] = ['parent', 'caregiver'];

/**
 * The deadlines a report sets at receipt:
 * - the initial assessment is due 12 hours after receipt (policy);
 * - when a parent or caregiver is the alleged abuser, the emergency response is due within 12 hours;
 * - sexual abuse and trafficking go to the police within 24 hours.
 * Deadlines that depend on later steps (an emergency found at assessment, violence assessed high,
 * the plan's working days) are set by those steps.
 */
export function deadlinesAtReceipt(facts: {
  receivedAt: Date;
  form: string;
  allegedPerpetrator?: string | null;
}): DueDeadline[] {
  const deadlines: DueDeadline[] = [{ kind: 'initial_assessment', dueAt: addHours(facts.receivedAt, 12) }];
  if (facts.allegedPerpetrator && (EMERGENCY_PERPETRATORS as readonly string[]).includes(facts.allegedPerpetrator)) {
    deadlines.push({ kind: 'emergency_response', dueAt: emergencyResponseDue(facts.receivedAt) });
  }
  if (needsPoliceReferral(facts.form, null)) {
    deadlines.push({ kind: 'police_referral', dueAt: policeReferralDue(facts.receivedAt) });
  }
  return deadlines;
}

export const SEPARATION_DAYS = 15;
export const PLAN_DRAFT_WORKING_DAYS = 5;
export const PLAN_APPROVAL_WORKING_DAYS = 2;

/** Temporary separation lasts at most 15 days unless a competent authority extends it (Art. 32). */
export function separationEnd(decidedAt: Date): Date {
  return new Date(decidedAt.getTime() + SEPARATION_DAYS * 24 * HOUR_MS);
}

/** The police referral of policy: sexual abuse and trafficking always; violence when assessed high. */
export function needsPoliceReferral(form: string, riskLevel: string | null): boolean {
  return (POLICE_REFERRAL_FORMS as readonly string[]).includes(form) || (form === 'violence' && riskLevel === 'high');
}

export function policeReferralDue(receivedAt: Date): Date {
  return addHours(receivedAt, 24);
}

export function emergencyResponseDue(receivedAt: Date): Date {
  return addHours(receivedAt, 12);
}

/** What a case's receipt deadlines depend on, before or after a correction. */
export interface ReceiptFacts {
  form: string;
  allegedPerpetrator: string | null;
  riskLevel: string | null;
  emergency: boolean;
}

export function needsEmergencyResponse(facts: Pick<ReceiptFacts, 'allegedPerpetrator' | 'emergency'>): boolean {
  return (
    facts.emergency ||
    (!!facts.allegedPerpetrator && (EMERGENCY_PERPETRATORS as readonly string[]).includes(facts.allegedPerpetrator))
  );
}

/**
 * The deadlines a correction adds or withdraws (docs/domain.md, Deadlines): a correction to
 * sexual abuse or trafficking adds the police referral, a parent or caregiver as the alleged abuser
 * the emergency response, both counted from the receipt. A deadline the corrected facts no longer
 * call for is withdrawn while it is still open (it was never owed, and must not stand overdue);
 * one already met stays as a record of what was done, and so do interventions already requested.
 */
export function deadlinesAfterCorrection(
  before: ReceiptFacts,
  after: ReceiptFacts,
): { add: DeadlineKind[]; withdraw: DeadlineKind[] } {
  const add: DeadlineKind[] = [];
  const withdraw: DeadlineKind[] = [];
  const rules: [DeadlineKind, (facts: ReceiptFacts) => boolean][] = [
    ['police_referral', (facts) => needsPoliceReferral(facts.form, facts.riskLevel)],
    ['emergency_response', needsEmergencyResponse],
  ];
  for (const [kind, needs] of rules) {
    if (needs(after) && !needs(before)) add.push(kind);
    if (!needs(after) && needs(before)) withdraw.push(kind);
  }
  return { add, withdraw };
}

/** When a deadline a correction adds falls due: counted from the receipt, as at intake. */
export function correctionDeadlineDue(kind: DeadlineKind, receivedAt: Date): Date {
  return kind === 'police_referral' ? policeReferralDue(receivedAt) : emergencyResponseDue(receivedAt);
}
