import { subject } from '@casl/ability';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { Forbidden, invalidField } from '../common/problem';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { CallGroupBy } from '../domain/calls';
import { AreaRef, findArea } from './area-scope';
import { callRowKeys, countCalls, PublishedCallCell, publishCallCounts } from './call-counts';
import { Protection } from './disclosure-control';
import { Period, periodRange } from './periods';
import { ptableFor } from './ptable';
import { rowAreas } from './rates-repository';

/** What a call statistics table is asked for. */
export interface CallCountsRequest {
  area: AreaRef;
  year: number;
  period: Period;
  groupBy?: CallGroupBy;
  protection: Protection;
}

/** GET /statistics/calls, and the calls sheet of report packages: codes and counts only. */
export interface CallCountsResult {
  year: number;
  period: Period;
  areaCode: string;
  groupBy?: CallGroupBy;
  protection: Protection;
  additive: boolean;
  ptableVersion?: string;
  rows: PublishedCallCell[];
  total: PublishedCallCell;
}

/** Who may read the calls counted exactly: those who run the hotlines and the provincial office. */
const EXACT_CALL_ROLES: readonly string[] = ['provincial_officer', 'hotline_operator'];

/**
 * `exact` for hotline operators and provincial officers in their own area unless they ask for
 * `protected` (tables meant for publication); managers always get `protected`, as for rates.
 */
export function callProtectionFor(role: string, requested: Protection | undefined): Protection {
  return EXACT_CALL_ROLES.includes(role) && requested !== 'protected' ? 'exact' : 'protected';
}

/**
 * Counts of the hotlines' calls by area and period, protected like rates (the cell-key method
 * with each call's own record key; no population, so no rate). `counts` is the reusable part: it
 * checks nothing and audits nothing, so a caller that has checked the area (the report package)
 * can add a calls sheet; `forCaller` is the HTTP route's.
 */
@Injectable()
export class CallStatisticsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async counts(request: CallCountsRequest): Promise<CallCountsResult> {
    const range = periodRange(request.year, request.period);
    const manager = this.db.manager;
    const areas = request.groupBy === 'area' ? await rowAreas(manager, request.area, range.end) : [];
    const counts = await countCalls(manager, request.area, range, request.groupBy);
    const ptable = ptableFor(this.config.statsMaxNoise);
    const published = publishCallCounts(counts, request.groupBy, callRowKeys(request.groupBy, areas), {
      minCell: this.config.statsMinCell,
      protection: request.protection,
      ptable,
    });
    return {
      year: request.year,
      period: request.period,
      areaCode: request.area.code,
      ...(request.groupBy ? { groupBy: request.groupBy } : {}),
      protection: request.protection,
      additive: published.additive,
      ...(request.protection === 'protected' ? { ptableVersion: ptable.version } : {}),
      rows: published.rows,
      total: published.total,
    };
  }

  async forCaller(
    caller: Caller,
    query: { year: number; period?: Period; areaCode?: string; groupBy?: CallGroupBy; protection?: Protection },
  ): Promise<CallCountsResult> {
    const code = query.areaCode ?? caller.user.areaCode;
    const area = await findArea(this.db.manager, code);
    if (!area) throw invalidField('areaCode', `${code} is not a known area`);
    if (!caller.ability.can('read', subject('CallStatistics', { areaPath: area.path }) as never))
      throw new Forbidden(`Call statistics are available inside your own area (${caller.user.areaCode}) only`);
    const result = await this.counts({
      area: { code: area.code, path: area.path, level: area.level },
      year: query.year,
      period: query.period ?? 'year',
      groupBy: query.groupBy,
      protection: callProtectionFor(caller.user.role, query.protection),
    });
    await this.audit.recordBy(caller, {
      action: 'statistics.calls.read',
      subjectType: 'CallStatistics',
      subjectId: area.code,
      details: {
        year: result.year,
        period: result.period,
        breakdown: query.groupBy ?? 'total',
        protection: result.protection,
      },
    });
    return result;
  }
}
