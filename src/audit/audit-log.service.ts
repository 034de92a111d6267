import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
import { decodeCursor, DEFAULT_LIMIT, Page, toPage } from '../common/pagination';
import { invalidField } from '../common/problem';
import { AuditService } from './audit.service';
import { AuditItem, AuditQuery } from './dto/audit-query.dto';

interface AuditRow extends Omit<AuditItem, 'at'> {
  at: Date;
}

/** Reading the log, newest first; reading it is itself logged. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, query: AuditQuery): Promise<Page<AuditItem>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    if (query.from && query.to && new Date(query.from) >= new Date(query.to)) {
      throw invalidField('to', 'must be after from');
    }
    const position = decodeCursor(query.cursor, ['bigint']);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.from) add('at >= ?', query.from);
    if (query.to) add('at < ?', query.to);
    if (query.username) add('username = ?', query.username.toLowerCase());
    if (query.caseId) add('case_id = ?', query.caseId);
    if (position) add('audit_log.id < ?::bigint', position[0]);
    params.push(limit + 1);
    const rows = (await this.db.query(
      `SELECT id::text, at, user_id AS "userId", username, role, action, subject_type AS "subjectType",
              subject_id AS "subjectId", case_id AS "caseId", request_id AS "requestId", details
         FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY audit_log.id DESC LIMIT $${params.length}`,
      params,
    )) as AuditRow[];
    await this.audit.recordBy(caller, {
      action: 'audit.read',
      subjectType: 'AuditLog',
      caseId: query.caseId ?? null,
      details: { returned: Math.min(rows.length, limit) },
    });
    return toPage(rows, limit, (row) => ({ ...row, at: row.at.toISOString() }), (row) => [row.id]);
  }
}
