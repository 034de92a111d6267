import { AssigneeDto } from '../dto/assignment.dto';
import { TransferViewDto } from '../dto/transfer.dto';
import { CaseWorkflowParts } from '../dto/case-file.dto';
import { CaseChildDto, PossibleDuplicateDto } from '../dto/case-view.dto';
import { InterventionView } from '../intervention-view';
import { ReportSituation } from '../report-situation';

/**
 * A case as loaded and decrypted, before any audience's rules are applied: the input of the case
 * views. Times are still `Date`s; the views write them as ISO 8601.
 */
export interface CaseFacts {
  id: string;
  caseNumber: string;
  category: string;
  form: string;
  fatal: boolean;
  status: string;
  riskLevel: string | null;
  emergency: boolean;
  substantiation: string;
  allegedPerpetrator: string | null;
  receivedAt: Date;
  occurredAt: Date | null;
  /** The commune the case belongs to (moved by an accepted transfer). */
  areaCode: string;
  /** The commune where it happened, as first reported. */
  occurredAreaCode: string;
  assignee: AssigneeDto | null;
  transfer: TransferViewDto | null;
  version: number;
}

/** A report of the case; `reporter` is decrypted only when the reporter consented to be contacted. */
export interface CaseReportPart {
  id: string;
  /** The user who filed it. */
  createdBy: string;
  channel: string;
  receivedAt: Date;
  consentToContact: boolean;
  reporter: { name: string | null; phone: string | null; relationship: string | null } | null;
}

export interface CaseDeadlinePart {
  kind: string;
  dueAt: Date;
  metAt: Date | null;
}

/** An intervention in full, with the path of the area where it is carried out (whose it is). */
export type CaseInterventionPart = InterventionView & { areaPath: string };

/** What every audience's view is made from. */
export interface CaseParts {
  kase: CaseFacts;
  child: CaseChildDto;
  reports: CaseReportPart[];
  deadlines: CaseDeadlinePart[];
  interventions: CaseInterventionPart[];
  /** The workflow endpoints the caller may take now. */
  allowedActions: string[];
  now: Date;
}

/** What only child-protection roles' view is made from, on top of the common parts. */
export interface CaseFileParts extends CaseParts {
  /** The description of the first report (or as corrected on the case), decrypted. */
  description: string | null;
  /** The rest of the first report's Mẫu 01, decrypted. */
  situation: ReportSituation;
  possibleDuplicates: PossibleDuplicateDto[];
  workflow: CaseWorkflowParts;
}
