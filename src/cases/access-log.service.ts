import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
import { requireAccess } from '../access/require-access';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, DEFAULT_LIMIT, Page, PageQuery, toPage } from '../common/pagination';

export interface AccessLogItem {
  at: string;
  username: string | null;
  role: string | null;
  action: string;
}

/** GET /cases/{id}/access-log: who read or changed this case, for its officers and the auditor. */
@Injectable()
export class CaseAccessLogService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, caseId: string, query: PageQuery): Promise<Page<AccessLogItem>> {
    const [kase] = (await this.db.query(`SELECT id, area_path AS "areaPath" FROM cases WHERE id = $1`, [caseId])) as Record<string, unknown>[];
    requireAccess(caller, 'read', 'CaseAccessLog', kase, 'The case');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const position = decodeCursor(query.cursor, ['bigint']);
    const rows = (await this.db.query(
      `SELECT id::text, at, username, role, action FROM audit_log
        WHERE case_id = $1 ${position ? 'AND audit_log.id < $3::bigint' : ''} ORDER BY audit_log.id DESC LIMIT $2`,
      position ? [caseId, limit + 1, position[0]] : [caseId, limit + 1],
    )) as { id: string; at: Date; username: string | null; role: string | null; action: string }[];
    await this.audit.recordBy(caller, { action: 'case.access_log.read', subjectType: 'Case', subjectId: caseId, caseId });
    return toPage(rows, limit, (row) => ({ at: row.at.toISOString(), username: row.username, role: row.role, action: row.action }), (row) => [row.id]);
  }
}
