import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
import { scopeWhere } from '../access/scope-sql';
import { AreaRepository } from '../area-tree/area-repository';
import { AuditService } from '../audit/audit.service';
import { cursorTimestamp, Page, PageQuery, pageRequest, toPage } from '../common/pagination';
import { FINAL_STATUSES } from '../domain/intervention-types';
import { caseAreaFilter, INTERVENTION_SCOPE_COLUMNS } from './case-scope';

export interface InterventionQueueFilter extends PageQuery {
  status?: string;
  agency?: string;
  overdue?: 'true' | 'false';
  caseId?: string;
  areaCode?: string;
}

export interface InterventionQueueItem {
  id: string;
  caseId: string;
  caseNumber: string;
  agency: string;
  type: string;
  areaCode: string;
  status: string;
  dueAt: string;
  overdue: boolean;
  version: number;
}

type QueueRow = Omit<InterventionQueueItem, 'dueAt'> & { dueAt: Date; dueAtExact: string };

/** Past due, not over, and the case still open: what a work queue shows first. */
const OVERDUE = `i.due_at < now() AND i.status <> ALL(:finalStatuses) AND i.case_open`;

/**
 * GET /interventions: the work queue. Agency staff get their agency's interventions inside their
 * area, case roles those of the cases in their scope — the access rules as SQL — earliest due
 * first, so what is overdue comes first. Of the case, only its id and number.
 */
@Injectable()
export class InterventionQueue {
  constructor(
    private readonly db: DataSource,
    private readonly areas: AreaRepository,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, filter: InterventionQueueFilter): Promise<Page<InterventionQueueItem>> {
    const page = pageRequest(filter, ['timestamp', 'uuid']);
    const qb = this.db
      .createQueryBuilder()
      .select([
        'i.id AS id',
        'i.case_id AS "caseId"',
        'c.case_number AS "caseNumber"',
        'i.agency AS agency',
        'i.type AS type',
        'i.area_code AS "areaCode"',
        'i.status AS status',
        'i.due_at AS "dueAt"',
        `${cursorTimestamp('i.due_at')} AS "dueAtExact"`,
        `(${OVERDUE}) AS overdue`,
        'i.version AS version',
      ])
      .from('interventions', 'i')
      .innerJoin('cases', 'c', 'c.id = i.case_id')
      .where(scopeWhere(caller.ability, 'read', 'Intervention', INTERVENTION_SCOPE_COLUMNS))
      .setParameter('finalStatuses', FINAL_STATUSES)
      .orderBy('i.due_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(page.fetch);
    if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
    if (filter.agency) qb.andWhere('i.agency = :agency', { agency: filter.agency });
    if (filter.caseId) qb.andWhere('i.case_id = :caseId', { caseId: filter.caseId });
    if (filter.overdue === 'true') qb.andWhere(OVERDUE);
    if (filter.areaCode) {
      // Where the agency acts, not the case's commune.
      const where = await caseAreaFilter(this.areas, filter.areaCode, 'i.area_path');
      qb.andWhere(where.sql, where.params);
    }
    if (page.after) {
      qb.andWhere('(i.due_at, i.id) > (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: page.after[0],
        afterId: page.after[1],
      });
    }
    const rows = await qb.getRawMany<QueueRow>();
    await this.audit.recordListBy(
      caller,
      'intervention.list',
      'Intervention',
      rows.slice(0, page.limit).map((row) => row.caseId),
    );
    return toPage(
      rows,
      page.limit,
      ({ dueAtExact: _exact, ...row }) => ({ ...row, dueAt: row.dueAt.toISOString() }),
      (row) => [row.dueAtExact, row.id],
    );
  }
}
