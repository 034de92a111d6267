import { subject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Action } from '../access/ability';
import { Caller } from '../access/request-context';
import { requireAccess } from '../access/require-access';
import { scopeCondition } from '../access/scope-sql';
import { ASSIGNEE_JSON, CASE_INTERVENTIONS_SCOPE_JSON, CASE_SCOPE_COLUMNS } from './case-scope';
import { firstReport, SEPARATING } from './case-repository';
import { parseSituation, SITUATION_CONTEXT } from './report-situation';
import { LATEST_TRANSFER_JSON } from './case-transfer-store';
import { allowedActions, CaseState, CaseStatus } from '../domain/workflow';
import { interventionMoves } from './intervention-moves';
import { CaseRecordService } from './case-record.service';
import { CASE_ROLES, Role } from '../domain/roles';
import { AuditService } from '../audit/audit.service';
import { PiiService } from '../privacy/pii.service';
import { CaseChildDto, CaseView } from './dto/case-view.dto';
import { CaseFacts, CaseParts, CaseReportPart } from './views/case-parts';
import { agencyCaseView, childProtectionCaseView } from './views/case-views';

/** The case row the gate reads: what the views show, and where it lies for the access check. */
interface CaseRow extends CaseFacts, Record<string, unknown> {
  status: CaseStatus;
  /** The description as corrected on this case; null: the first report's. */
  descriptionEnc: string | null;
  separating: boolean;
  substantiation: CaseState['substantiation'];
  areaPath: string;
  childId: string;
}

interface ChildRow {
  id: string;
  fullNameEnc: string;
  dateOfBirthEnc: string | null;
  estimatedAge: number | null;
  sex: string;
  residenceAreaCode: string | null;
  addressEnc: string | null;
}

interface ReportRow {
  id: string;
  createdBy: string;
  channel: string;
  receivedAt: Date;
  descriptionEnc: string | null;
  reporterEnc: string | null;
  situationEnc: string | null;
  consentToContact: boolean;
}

interface DeadlineRow {
  kind: string;
  dueAt: Date;
  metAt: Date | null;
}

/** The context of a description corrected on the case (PATCH /cases/{id}). */
export const CASE_DESCRIPTION_CONTEXT = 'cases.description';

/** GET /cases/{id}: the case as the caller's role may see it; every read is logged. */
@Injectable()
export class CaseViewService {
  constructor(
    private readonly db: DataSource,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
    private readonly records: CaseRecordService,
  ) {}

  /** The case row when the caller may act on it, else 404: the one gate of every case route. */
  async gate(caller: Caller, id: string, action: Action = 'read'): Promise<CaseRow> {
    const [row] = (await this.db.query(
      `SELECT id, case_number AS "caseNumber", category, form, fatal, status, risk_level AS "riskLevel", emergency, substantiation,
              alleged_perpetrator AS "allegedPerpetrator", received_at AS "receivedAt", occurred_at AS "occurredAt",
              area_code AS "areaCode", area_path AS "areaPath", version, child_id AS "childId",
              -- Where it happened: the first report's commune, which a transfer does not move
              -- (a case loaded without a report, as the national seed writes them: its own commune)
              -- (a correction sets its own).
              coalesce(occurred_area_code, ${firstReport('occurred_area_code')}, area_code) AS "occurredAreaCode",
              description_enc AS "descriptionEnc", ${SEPARATING} AS separating,
              (SELECT ${ASSIGNEE_JSON} FROM users u WHERE u.id = cases.assignee_id) AS assignee,
              transfer_area_path AS "transferAreaPath", ${LATEST_TRANSFER_JSON} AS transfer,
              ${CASE_INTERVENTIONS_SCOPE_JSON} AS interventions
         FROM cases WHERE id = $1`,
      [id],
    )) as CaseRow[];
    return requireAccess(caller, action, 'Case', row, 'The case');
  }

  async view(caller: Caller, id: string): Promise<CaseView> {
    const kase = await this.gate(caller, id);
    const childProtection = (CASE_ROLES as readonly Role[]).includes(caller.user.role);
    const [child, reports, deadlines, duplicates, workflow, interventions] = await Promise.all([
      this.child(kase.childId),
      this.reports(id),
      this.deadlines(id),
      this.possibleDuplicates(caller, kase.childId),
      childProtection ? this.records.workflowParts(id) : undefined,
      this.records.interventions(id, (intervention) =>
        interventionMoves(caller, { ...intervention, caseAreaPath: kase.areaPath }),
      ),
    ]);
    await this.audit.recordBy(caller, { action: 'case.read', subjectType: 'Case', subjectId: id, caseId: id });
    const parts: CaseParts = {
      kase,
      child: this.decryptChild(child),
      reports: reports.map((report) => this.decryptReport(report)),
      deadlines,
      interventions,
      allowedActions: allowedActions(kase, (step) => caller.ability.can(step, subject('Case', kase) as never)),
      now: new Date(),
    };
    if (!childProtection || !workflow) return agencyCaseView(parts, caller.user);
    const description = kase.descriptionEnc
      ? this.pii.decrypt(kase.descriptionEnc, CASE_DESCRIPTION_CONTEXT)
      : this.pii.decrypt(reports[0]?.descriptionEnc, 'reports.description');
    // The rest of Mẫu 01, shown like the description: the first report's.
    const situation = parseSituation(this.pii.decrypt(reports[0]?.situationEnc, SITUATION_CONTEXT));
    return childProtectionCaseView({ ...parts, description, situation, possibleDuplicates: duplicates, workflow });
  }

  private decryptChild(child: ChildRow): CaseChildDto {
    return {
      id: child.id,
      fullName: this.pii.decrypt(child.fullNameEnc, 'children.full_name') ?? '',
      dateOfBirth: this.pii.decrypt(child.dateOfBirthEnc, 'children.date_of_birth'),
      estimatedAge: child.estimatedAge,
      sex: child.sex,
      residenceAreaCode: child.residenceAreaCode,
      address: this.pii.decrypt(child.addressEnc, 'children.address'),
    };
  }

  /** The reporter's identity is confidential (Decree 56 Art. 24): not even decrypted unless they agreed to be contacted. */
  private decryptReport({
    descriptionEnc: _description,
    situationEnc: _situation,
    reporterEnc,
    ...report
  }: ReportRow): CaseReportPart {
    const reporter = report.consentToContact ? this.pii.decrypt(reporterEnc, 'reports.reporter') : null;
    return { ...report, reporter: reporter ? (JSON.parse(reporter) as CaseReportPart['reporter']) : null };
  }

  private async child(id: string): Promise<ChildRow> {
    const [row] = (await this.db.query(
      `SELECT id, full_name_enc AS "fullNameEnc", date_of_birth_enc AS "dateOfBirthEnc", estimated_age AS "estimatedAge", sex,
              residence_area_code AS "residenceAreaCode", address_enc AS "addressEnc"
         FROM children WHERE id = $1`,
      [id],
    )) as ChildRow[];
    return row;
  }

  private reports(caseId: string): Promise<ReportRow[]> {
    return this.db.query(
      `SELECT r.id, r.created_by AS "createdBy", r.channel, r.received_at AS "receivedAt", r.description_enc AS "descriptionEnc", r.reporter_enc AS "reporterEnc",
              r.situation_enc AS "situationEnc", r.reporter_consent_to_contact AS "consentToContact"
         FROM case_reports cr JOIN reports r ON r.id = cr.report_id WHERE cr.case_id = $1 ORDER BY r.received_at, r.id`,
      [caseId],
    ) as Promise<ReportRow[]>;
  }

  private deadlines(caseId: string): Promise<DeadlineRow[]> {
    return this.db.query(
      `SELECT kind, due_at AS "dueAt", met_at AS "metAt" FROM deadlines WHERE case_id = $1 ORDER BY due_at, kind`,
      [caseId],
    ) as Promise<DeadlineRow[]>;
  }

  /** Other children who may be this one, with those of their cases the caller may see. */
  private async possibleDuplicates(
    caller: Caller,
    childId: string,
  ): Promise<{ childId: string; caseNumbers: string[] }[]> {
    const scope = scopeCondition(caller.ability, 'read', 'Case', CASE_SCOPE_COLUMNS);
    const rows = await this.db
      .createQueryBuilder()
      .select('d.candidate_id', 'childId')
      .addSelect('array_agg(c.case_number ORDER BY c.case_number)', 'caseNumbers')
      .from('child_possible_duplicates', 'd')
      // Only candidates with a case the caller may see: the others' ids are not the caller's to know.
      .innerJoin('cases', 'c', `c.child_id = d.candidate_id AND ${scope.sql}`, scope.params)
      .where('d.child_id = :childId', { childId })
      .groupBy('d.candidate_id')
      .getRawMany<{ childId: string; caseNumbers: string[] }>();
    return rows;
  }
}
