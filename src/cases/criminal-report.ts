import { Caller } from '../access/request-context';
import { Form } from '../domain/codes';
import { CaseInterventionWriter } from './case-intervention-writer';
import { CaseWrites } from './case-repository';
import { DeadlineStore } from './deadline-store';
import { policeReferralDue } from './deadlines';

/** Crimes against a child that a police officer's own report puts on the criminal track at once. */
export const CRIMINAL_REPORT_FORMS: readonly Form[] = ['sexual_abuse', 'trafficking', 'violence'];

/** A report filed by the police about one of these forms is itself a crime report (tố giác). */
export function opensCriminalReport(role: string, form: string): boolean {
  return role === 'police' && (CRIMINAL_REPORT_FORMS as readonly string[]).includes(form);
}

/**
 * The police `criminal_report` intervention of a police-filed report, in the filing officer's own
 * area, due when the police referral is (receipt + 24 h: Circular 43/2021 Art. 5). It is the police
 * referral, so that deadline is set (violence sets none at receipt) and met with it: a later
 * assessment of violence as high finds it already there.
 */
export async function openCriminalReport(
  writer: CaseInterventionWriter,
  writes: CaseWrites,
  caller: Caller,
  caseId: string,
  receivedAt: Date,
): Promise<void> {
  const dueAt = policeReferralDue(receivedAt);
  await new DeadlineStore(writes, caseId).setOnce('police_referral', dueAt);
  const { areaCode, areaPath } = caller.user;
  await writer.insert(
    writes,
    caller,
    caseId,
    [{ agency: 'police', type: 'criminal_report', areaCode, dueAt: dueAt.toISOString() }],
    new Map([[areaCode, areaPath]]),
  );
}
