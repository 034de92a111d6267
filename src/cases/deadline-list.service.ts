import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AreaRepository } from '../area-tree/area-repository';
import { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { scopeWhere } from '../access/scope-sql';
import { cursorTimestamp, Page, pageRequest, toPage } from '../common/pagination';
import { caseAreaFilter, DEADLINE_SCOPE_COLUMNS } from './case-scope';
import { DeadlineItemDto } from './dto/deadline-item.dto';
import { DeadlineQuery } from './dto/deadline-query.dto';

export type DeadlineItem = DeadlineItemDto;

interface DeadlineRow {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: string;
  interventionId: string | null;
  dueAt: Date;
  dueAtExact: string;
}

/** `P1DT2H30M`: how late, for people to read. */
export function isoDuration(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : days ? '' : 'T0M'}`;
}

/**
 * GET /deadlines: open deadlines of open cases in the caller's scope, earliest first. One indexed
 * query over the deadline rows, whatever the number of cases: each row carries its case's area and
 * open state (migration 1763900014000), so the scope is a range of `deadlines_open_area`.
 */
@Injectable()
export class DeadlineListService {
  constructor(
    private readonly db: DataSource,
    private readonly areas: AreaRepository,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, query: DeadlineQuery): Promise<Page<DeadlineItem>> {
    const page = pageRequest(query, ['timestamp', 'uuid']);
    const qb = this.db
      .createQueryBuilder()
      .select([
        'd.id AS id',
        'c.id AS "caseId"',
        'c.case_number AS "caseNumber"',
        'd.kind AS kind',
        'd.intervention_id AS "interventionId"',
        'd.due_at AS "dueAt"',
        `${cursorTimestamp('d.due_at')} AS "dueAtExact"`,
      ])
      .from('deadlines', 'd')
      .innerJoin('cases', 'c', 'c.id = d.case_id')
      // The deadline's copy of its case's state and areas (kept by triggers): one index range.
      .where('d.met_at IS NULL')
      .andWhere('d.case_open')
      .andWhere(scopeWhere(caller.ability, 'read', 'Deadline', DEADLINE_SCOPE_COLUMNS))
      .orderBy('d.due_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(page.fetch);
    if (query.overdue === 'true') qb.andWhere('d.due_at < now()');
    if (query.kind) qb.andWhere('d.kind = :kind', { kind: query.kind });
    if (query.areaCode) {
      const filter = await caseAreaFilter(this.areas, query.areaCode, 'd.area_path');
      qb.andWhere(filter.sql, filter.params);
    }
    if (page.after)
      qb.andWhere('(d.due_at, d.id) > (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: page.after[0],
        afterId: page.after[1],
      });
    const rows = await qb.getRawMany<DeadlineRow>();
    await this.audit.recordListBy(
      caller,
      'deadline.list',
      'Deadline',
      rows.slice(0, page.limit).map((row) => row.caseId),
    );
    const now = Date.now();
    return toPage(
      rows,
      page.limit,
      (row) => {
        const late = Math.floor((now - row.dueAt.getTime()) / 1000);
        return {
          caseId: row.caseId,
          caseNumber: row.caseNumber,
          kind: row.kind,
          interventionId: row.interventionId,
          dueAt: row.dueAt.toISOString(),
          overdueBy: late > 0 ? isoDuration(late) : null,
          overdueBySeconds: late > 0 ? late : null,
        };
      },
      (row) => [row.dueAtExact, row.id],
    );
  }
}
