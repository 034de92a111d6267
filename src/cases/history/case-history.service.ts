import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../../access/request-context';
import { requireAccess } from '../../access/require-access';
import { AuditService } from '../../audit/audit.service';
import { cursorTimestamp, Page, PageQuery, pageRequest, toPage } from '../../common/pagination';
import { CASE_ROLES, Role } from '../../domain/roles';
import { PiiService } from '../../privacy/pii.service';
import { CaseRepository } from '../case-repository';
import { HistoryChangeDto, HistoryItemDto } from './case-history.dto';
import { FieldChange, HISTORY_PERSONAL_CONTEXT, HISTORY_REASON_CONTEXT } from './case-history-writer';

interface HistoryRow {
  id: string;
  at: Date;
  atText: string;
  username: string | null;
  role: string | null;
  action: string;
  reasonEnc: string | null;
  changes: FieldChange[];
  personalEnc: string | null;
}

/**
 * GET /cases/{id}/history: every intake, step, assignment, transfer, correction and merge of the
 * case, newest first. Case roles read the reasons and the personal values; the auditor sees who
 * changed which field when, the personal values and reasons withheld (an auditor reads no case data).
 */
@Injectable()
export class CaseHistoryService {
  constructor(
    private readonly db: DataSource,
    private readonly cases: CaseRepository,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, caseId: string, query: PageQuery): Promise<Page<HistoryItemDto>> {
    requireAccess(caller, 'read', 'CaseHistory', await this.cases.scopeOf(caseId), 'The case');
    const page = pageRequest(query, ['timestamp', 'uuid']);
    const rows = (await this.db.query(
      `SELECT id, at, ${cursorTimestamp('at')} AS "atText", username, role, action, reason_enc AS "reasonEnc", changes,
              personal_changes_enc AS "personalEnc"
         FROM case_history
        WHERE case_id = $1 AND ($2::timestamptz IS NULL OR (at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY at DESC, id DESC LIMIT $4`,
      [caseId, page.after?.[0] ?? null, page.after?.[1] ?? null, page.fetch],
    )) as HistoryRow[];
    const readsPersonal = (CASE_ROLES as readonly Role[]).includes(caller.user.role);
    await this.audit.recordBy(caller, {
      action: 'case.history.read',
      subjectType: 'Case',
      subjectId: caseId,
      caseId,
    });
    return toPage(
      rows,
      page.limit,
      (row) => this.item(row, readsPersonal),
      (row) => [row.atText, row.id],
    );
  }

  private item(row: HistoryRow, readsPersonal: boolean): HistoryItemDto {
    const plain: HistoryChangeDto[] = row.changes.map((change) => ({ ...change, personal: false }));
    let personal: HistoryChangeDto[] = [];
    if (row.personalEnc) {
      // The fields are named to everyone who may read the history; the values only to case roles.
      const changes = JSON.parse(this.pii.decrypt(row.personalEnc, HISTORY_PERSONAL_CONTEXT)!) as FieldChange[];
      personal = changes.map((change) =>
        readsPersonal ? { ...change, personal: true } : { field: change.field, from: null, to: null, personal: true },
      );
    }
    return {
      at: row.at.toISOString(),
      username: row.username,
      role: row.role,
      action: row.action,
      reason: readsPersonal ? this.pii.decrypt(row.reasonEnc, HISTORY_REASON_CONTEXT) : null,
      changes: [...plain, ...personal],
    };
  }
}
