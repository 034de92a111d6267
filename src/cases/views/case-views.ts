import { Principal } from '../../auth/principal';
import {
  AgencyCaseViewDto,
  CaseDeadlineDto,
  CaseReportDto,
  CaseViewDto,
  ChildProtectionCaseViewDto,
} from '../dto/case-view.dto';
import { InterventionSummaryDto, InterventionViewDto } from '../dto/intervention-view.dto';
import { interventionSummary, isOwnIntervention } from '../intervention-view';
import { CaseDeadlinePart, CaseFileParts, CaseInterventionPart, CaseParts, CaseReportPart } from './case-parts';

/**
 * The case as each audience sees it (docs/domain.md, Reporting channels; Agencies and
 * interventions; Decree 56 Art. 24 on the reporter):
 * - child-protection roles (commune officers, commune chairs, provincial officers) see the file,
 *   the reporter only when the reporter agreed to be contacted;
 * - agency staff (police, health, justice, education) see the case without the reporter, the
 *   description, the rest of Mẫu 01 (where the child is, caregivers, family situation, actions
 *   taken), the assessments, the plan, the meetings, the emergency actions, the timeline or possible
 *   duplicates, the transfer or the reports of others; their own agency's interventions in their
 *   area in full, the others as `{id, agency, status}`. An agency's report of a child with an open
 *   case gives it that case (its intervention), never what others reported before.
 */

/** A deadline is overdue when it fell due unmet; a closed case has none overdue. */
export function deadlineView(deadline: CaseDeadlinePart, caseOpen: boolean, now: Date): CaseDeadlineDto {
  return {
    kind: deadline.kind,
    dueAt: deadline.dueAt.toISOString(),
    metAt: deadline.metAt?.toISOString() ?? null,
    overdue: caseOpen && deadline.metAt === null && deadline.dueAt.getTime() < now.getTime(),
  };
}

function reportView(report: CaseReportPart, showReporter: boolean): CaseReportDto {
  const view: CaseReportDto = { id: report.id, channel: report.channel, receivedAt: report.receivedAt.toISOString() };
  if (showReporter && report.consentToContact && report.reporter)
    view.reporter = { ...report.reporter, consentToContact: true };
  return view;
}

function stripAreaPath({ areaPath: _areaPath, ...intervention }: CaseInterventionPart): InterventionViewDto {
  return intervention;
}

/** The parts every reader of the case sees, its interventions as `seeIntervention` shows them. */
function commonView(
  { kase, child, reports, deadlines, interventions, allowedActions, now }: CaseParts,
  showReporter: boolean,
  seeIntervention: (intervention: CaseInterventionPart) => InterventionViewDto | InterventionSummaryDto,
): CaseViewDto {
  const open = kase.status !== 'closed';
  return {
    id: kase.id,
    caseNumber: kase.caseNumber,
    category: kase.category,
    form: kase.form,
    fatal: kase.fatal,
    status: kase.status,
    riskLevel: kase.riskLevel,
    emergency: kase.emergency,
    substantiation: kase.substantiation,
    child: { ...child },
    occurredAt: kase.occurredAt?.toISOString() ?? null,
    occurredAreaCode: kase.occurredAreaCode,
    areaCode: kase.areaCode,
    receivedAt: kase.receivedAt.toISOString(),
    allegedPerpetrator: kase.allegedPerpetrator,
    assignee: kase.assignee,
    transfer: kase.transfer,
    reports: reports.map((report) => reportView(report, showReporter)),
    interventions: interventions.map(seeIntervention),
    deadlines: deadlines.map((deadline) => deadlineView(deadline, open, now)),
    version: kase.version,
    allowedActions,
  };
}

/** Commune officers, commune chairs and provincial officers: the whole file. */
export function childProtectionCaseView(parts: CaseFileParts): ChildProtectionCaseViewDto {
  const { assessments, plan, emergencyActions, meetings, consents, disclosures, timeline } = parts.workflow;
  return {
    ...commonView(parts, true, stripAreaPath),
    description: parts.description,
    ...parts.situation,
    meetings,
    possibleDuplicates: parts.possibleDuplicates,
    assessments,
    plan,
    emergencyActions,
    consents,
    disclosures,
    timeline,
  };
}

/** Agency staff: the case around their own work, nothing of the file beyond it. */
export function agencyCaseView(
  parts: CaseParts,
  viewer: Pick<Principal, 'id' | 'role' | 'areaPath'>,
): AgencyCaseViewDto {
  const ownReports = parts.reports.filter((report) => report.createdBy === viewer.id);
  const view = commonView({ ...parts, reports: ownReports }, false, (intervention) =>
    isOwnIntervention(intervention, viewer) ? stripAreaPath(intervention) : interventionSummary(intervention),
  );
  return { ...view, transfer: null };
}
