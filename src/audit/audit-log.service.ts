import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { COUNTRY_CODE } from '../domain/area-path';
import { Caller } from '../access/request-context';
import { ColumnMap, scopeWhere } from '../access/scope-sql';
import { Page, PageRequest, pageRequest, toPage } from '../common/pagination';
import { invalidField } from '../common/problem';
import { AuditService } from './audit.service';
import { AuditItem, AuditQuery } from './dto/audit-query.dto';

interface AuditRow extends Omit<AuditItem, 'at'> {
  at: Date;
}

/**
 * The columns CASL conditions on an audit entry refer to. An entry nobody's area claims (a failed
 * login of an unknown username) belongs to the country, so the national auditor sees it.
 */
const AUDIT_SCOPE_COLUMNS: ColumnMap = {
  actorAreaPath: `coalesce(l.actor_area_path, '${COUNTRY_CODE}')`,
  caseAreaPath: 'c.area_path',
};

/** Reading the log, newest first; reading it is itself logged. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, query: AuditQuery): Promise<Page<AuditItem>> {
    if (query.from && query.to && new Date(query.from) >= new Date(query.to)) {
      throw invalidField('to', 'must be after from');
    }
    const page = pageRequest(query, ['bigint']);
    const qb = this.db
      .createQueryBuilder()
      .select([
        'l.id::text AS id',
        'l.at AS at',
        'l.user_id AS "userId"',
        'l.username AS username',
        'l.role AS role',
        'l.action AS action',
        'l.subject_type AS "subjectType"',
        'l.subject_id AS "subjectId"',
        'l.case_id AS "caseId"',
        'l.request_id AS "requestId"',
        'l.client_request_id AS "clientRequestId"',
        'l.details AS details',
      ])
      .from('audit_log', 'l')
      .leftJoin('cases', 'c', 'c.id = l.case_id')
      .where(scopeWhere(caller.ability, 'read', 'AuditLog', AUDIT_SCOPE_COLUMNS))
      .orderBy('l.id', 'DESC')
      .limit(page.fetch);
    if (query.from) qb.andWhere('l.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('l.at < :to', { to: query.to });
    if (query.username) qb.andWhere('l.username = :username', { username: query.username.toLowerCase() });
    if (query.caseId) qb.andWhere('l.case_id = :caseId', { caseId: query.caseId });
    if (page.after) qb.andWhere('l.id < :afterId::bigint', { afterId: page.after[0] });
    const rows = await qb.getRawMany<AuditRow>();
    await this.audit.recordBy(caller, {
      action: 'audit.read',
      subjectType: 'AuditLog',
      caseId: query.caseId ?? null,
      details: { returned: Math.min(rows.length, page.limit) },
    });
    return toPage(
      rows,
      page.limit,
      (row) => ({ ...row, at: row.at.toISOString() }),
      (row) => [row.id],
    );
  }

  /** One case's entries, newest first: who read or changed it, in which role, doing what. */
  async forCase(caseId: string, page: PageRequest): Promise<Page<CaseAccessItem>> {
    const qb = this.db
      .createQueryBuilder()
      .select(['l.id::text AS id', 'l.at AS at', 'l.username AS username', 'l.role AS role', 'l.action AS action'])
      .from('audit_log', 'l')
      .where('l.case_id = :caseId', { caseId })
      .orderBy('l.id', 'DESC')
      .limit(page.fetch);
    if (page.after) qb.andWhere('l.id < :afterId::bigint', { afterId: page.after[0] });
    const rows = await qb.getRawMany<{
      id: string;
      at: Date;
      username: string | null;
      role: string | null;
      action: string;
    }>();
    return toPage(
      rows,
      page.limit,
      ({ at, username, role, action }) => ({ at: at.toISOString(), username, role, action }),
      (row) => [row.id],
    );
  }
}

export interface CaseAccessItem {
  at: string;
  username: string | null;
  role: string | null;
  action: string;
}
