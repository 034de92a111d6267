import { CreatedCaseRef } from '../dto/create-report.dto';
import { ReportViewDto } from '../dto/report-view.dto';
import { ReportSituation } from '../../cases/report-situation';

/** A report as loaded, its description and reporter decrypted. */
export interface StoredReport {
  id: string;
  channel: string;
  receivedAt: Date;
  category: string;
  form: string;
  fatal: boolean;
  occurredAt: Date | null;
  occurredAreaCode: string;
  allegedPerpetrator: string | null;
  consentToContact: boolean;
}

export interface ReportParts {
  report: StoredReport;
  description: string | null;
  reporter: { name: string | null; phone: string | null; relationship: string | null } | null;
  situation: ReportSituation;
  cases: CreatedCaseRef[];
}

/** The report as its creator filed it: every intake field back, the reporter with the consent they gave. */
export function creatorReportView({ report, description, reporter, situation, cases }: ReportParts): ReportViewDto {
  return {
    id: report.id,
    channel: report.channel,
    receivedAt: report.receivedAt.toISOString(),
    category: report.category,
    form: report.form,
    fatal: report.fatal,
    occurredAt: report.occurredAt?.toISOString() ?? null,
    occurredAreaCode: report.occurredAreaCode,
    description,
    allegedPerpetrator: report.allegedPerpetrator,
    reporter: reporter ? { ...reporter, consentToContact: report.consentToContact } : null,
    ...situation,
    cases,
  };
}
