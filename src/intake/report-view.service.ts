import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
import { requireAccess } from '../access/require-access';
import { AuditService } from '../audit/audit.service';
import { CaseRepository } from '../cases/case-repository';
import { PiiService } from '../privacy/pii.service';
import { parseSituation, SITUATION_CONTEXT } from '../cases/report-situation';
import { ReportViewDto } from './dto/report-view.dto';
import { creatorReportView, ReportParts, StoredReport } from './views/report-view';

/** The row as stored: the report's fields, who filed it, and its encrypted parts. */
interface ReportRow extends StoredReport, Record<string, unknown> {
  createdBy: string;
  descriptionEnc: string | null;
  reporterEnc: string | null;
  situationEnc: string | null;
}

/** GET /reports/{id}: the creator reads back its intake fields; anyone else gets 404. */
@Injectable()
export class ReportViewService {
  constructor(
    private readonly db: DataSource,
    private readonly cases: CaseRepository,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  async view(caller: Caller, id: string): Promise<ReportViewDto> {
    const [row] = (await this.db.query(
      `SELECT id, created_by AS "createdBy", channel, received_at AS "receivedAt", category, form, fatal, occurred_at AS "occurredAt",
              occurred_area_code AS "occurredAreaCode", description_enc AS "descriptionEnc", alleged_perpetrator AS "allegedPerpetrator",
              reporter_enc AS "reporterEnc", reporter_consent_to_contact AS "consentToContact",
              situation_enc AS "situationEnc"
         FROM reports WHERE id = $1`,
      [id],
    )) as ReportRow[];
    const report = requireAccess(caller, 'read', 'Report', row, 'The report');
    const cases = await this.cases.casesOfReport(id);
    // One entry per case of the report, so the read shows in each case's access log.
    await this.audit.recordManyBy(
      caller,
      (cases.length ? cases : [{ caseId: null }]).map((kase) => ({
        action: 'report.read',
        subjectType: 'Report',
        subjectId: id,
        caseId: kase.caseId,
      })),
    );
    const reporter = this.pii.decrypt(report.reporterEnc, 'reports.reporter');
    return creatorReportView({
      report,
      description: this.pii.decrypt(report.descriptionEnc, 'reports.description'),
      reporter: reporter ? (JSON.parse(reporter) as ReportParts['reporter']) : null,
      situation: parseSituation(this.pii.decrypt(report.situationEnc, SITUATION_CONTEXT)),
      // As the receipt named them: never a case the filer could not read when filing.
      cases: cases.map(({ caseId: _caseId, ...named }) => named),
    });
  }
}
