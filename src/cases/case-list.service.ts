import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AreaRepository } from '../area-tree/area-repository';
import { Caller } from '../access/request-context';
import { scopeWhere } from '../access/scope-sql';
import { AuditService } from '../audit/audit.service';
import { cursorTimestamp, Page, pageRequest, toPage } from '../common/pagination';
import { normalizeName } from '../privacy/normalize-name';
import { PiiService } from '../privacy/pii.service';
import { CaseListQuery } from './dto/case-query.dto';
import { CaseListItemDto } from './dto/case-list-item.dto';
import { ASSIGNEE_JSON, CASE_SCOPE_COLUMNS, caseAreaFilter } from './case-scope';

export type CaseListItem = CaseListItemDto;

type CaseListRow = Omit<CaseListItem, 'receivedAt'> & { receivedAt: Date; receivedAtExact: string };

/** GET /cases: the caller's scope is part of the SQL, never a filter after loading. */
@Injectable()
export class CaseListService {
  constructor(
    private readonly db: DataSource,
    private readonly areas: AreaRepository,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, query: CaseListQuery): Promise<Page<CaseListItem>> {
    const page = pageRequest(query, ['timestamp', 'uuid']);
    const qb = this.db
      .createQueryBuilder()
      .select([
        'c.id AS id',
        'c.case_number AS "caseNumber"',
        'c.category AS category',
        'c.form AS form',
        'c.status AS status',
        'c.risk_level AS "riskLevel"',
        'c.emergency AS emergency',
        'c.area_code AS "areaCode"',
        'c.received_at AS "receivedAt"',
        `CASE WHEN u.id IS NULL THEN NULL ELSE ${ASSIGNEE_JSON} END AS assignee`,
        'c.version AS version',
        `${cursorTimestamp('c.received_at')} AS "receivedAtExact"`,
      ])
      .from('cases', 'c')
      .leftJoin('users', 'u', 'u.id = c.assignee_id')
      .where(scopeWhere(caller.ability, 'read', 'Case', CASE_SCOPE_COLUMNS))
      .orderBy('c.received_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(page.fetch);
    if (query.assignee) {
      const assigneeId = query.assignee.toLowerCase() === 'me' ? caller.user.id : query.assignee;
      qb.andWhere('c.assignee_id = :assigneeId', { assigneeId });
    }
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.category) qb.andWhere('c.category = :category', { category: query.category });
    if (query.areaCode) {
      const filter = await caseAreaFilter(this.areas, query.areaCode);
      qb.andWhere(filter.sql, filter.params);
    }
    if (query.childName) {
      qb.andWhere('c.child_id IN (SELECT id FROM children WHERE name_index = :nameIndex)', {
        nameIndex: this.pii.index('name', normalizeName(query.childName)),
      });
    }
    if (query.overdue === 'true') {
      qb.andWhere(
        `c.status <> 'closed' AND EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = c.id AND d.met_at IS NULL AND d.due_at < now())`,
      );
    }
    if (page.after) {
      qb.andWhere('(c.received_at, c.id) < (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: page.after[0],
        afterId: page.after[1],
      });
    }
    const rows = await qb.getRawMany<CaseListRow>();
    await this.audit.recordListBy(
      caller,
      'case.list',
      'Case',
      rows.slice(0, page.limit).map((row) => row.id),
    );
    return toPage(
      rows,
      page.limit,
      ({ receivedAtExact, ...row }) => ({ ...row, receivedAt: row.receivedAt.toISOString() }),
      (row) => [row.receivedAtExact, row.id],
    );
  }
}
