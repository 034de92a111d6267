import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { statisticsArea } from './area-scope';
import { Protection } from './disclosure-control';
import { KpiQuery } from './dto/kpis.dto';
import { emptyKpis, PublishedKpis, publishKpis } from './kpis';
import { kpiFigures } from './kpis-repository';
import { Period, periodRange } from './periods';
import { ptableFor } from './ptable';
import { protectionFor } from './rates.service';
import { rowAreas, targetsFor } from './rates-repository';
import { readSnapshot } from './read-snapshot';
import { unreadableCounted } from './read-scope';
import { KPI_TARGET_INDICATORS, KpiTargetIndicator, ShareTarget } from './targets';

/** The cases behind "children supported in time" (kpi-facts-sql.ts): substantiated abuse and child labour. */
const SUPPORTED_CASES = {
  categories: ['abuse', 'child_labour'],
  fatalOnly: false,
  minAge: 0,
  maxAge: 255,
  substantiations: ['substantiated'],
};

export interface KpisResult {
  year: number;
  period: Period;
  areaCode: string;
  groupBy?: 'area';
  protection: Protection;
  additive: boolean;
  ptableVersion?: string;
  asOf: string;
  rows: PublishedKpis[];
  total: PublishedKpis;
}

/**
 * GET /statistics/kpis: performance indicators from the KPI sums (kpi-facts-sql.ts), published
 * with the same protection as the rates (exact for case roles in their area over cases they may
 * read, cell-key protected for managers and on request), each read audited with its parameters.
 * Every query of one answer reads the same snapshot (one read-only REPEATABLE READ transaction),
 * so its figures agree with each other under concurrent writes.
 */
@Injectable()
export class KpisService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async kpis(caller: Caller, query: KpiQuery, format = 'json', now = new Date()): Promise<KpisResult> {
    const result = await readSnapshot(this.db, (manager) => this.figures(manager, caller, query, now));
    const { period, protection } = result;
    await this.audit.recordBy(caller, {
      action: 'statistics.read',
      subjectType: 'Statistics',
      subjectId: result.areaCode,
      details: { indicator: 'kpis', year: query.year, period, breakdown: query.groupBy ?? 'total', format, protection },
    });
    return result;
  }

  /** Every figure of the answer, read with `manager` (one snapshot). */
  private async figures(manager: EntityManager, caller: Caller, query: KpiQuery, now: Date): Promise<KpisResult> {
    const period = query.period ?? 'year';
    const range = periodRange(query.year, period);
    const area = await statisticsArea(manager, caller, query.areaCode, range.end);
    const byArea = query.groupBy === 'area';
    const protection = protectionFor(caller.user.role, query.protection);
    const [subAreas, unreadable, figures, ...targets] = await Promise.all([
      byArea ? rowAreas(manager, area, range.end) : Promise.resolve([]),
      // Children supported are counted at their residence: a case managed elsewhere may be among them.
      protection === 'exact'
        ? unreadableCounted(manager, caller, { area }, { ...SUPPORTED_CASES, ...range }, byArea ? 'area' : 'none')
        : Promise.resolve([]),
      kpiFigures(manager, { area, year: query.year, period, range, byArea, now }),
      ...KPI_TARGET_INDICATORS.map((indicator) => targetsFor(manager, indicator, query.year, [area.code])),
    ]);
    const subTargets = byArea
      ? await Promise.all(
          KPI_TARGET_INDICATORS.map((indicator) =>
            targetsFor(
              manager,
              indicator,
              query.year,
              subAreas.map((a) => a.code),
            ),
          ),
        )
      : [];
    const targetsOf = (code: string, maps: Map<string, ShareTarget>[]) =>
      Object.fromEntries(
        KPI_TARGET_INDICATORS.flatMap((indicator, index) => {
          const target = maps[index]?.get(code);
          return target ? [[indicator, target]] : [];
        }),
      ) as Partial<Record<KpiTargetIndicator, ShareTarget>>;
    const ptable = ptableFor(this.config.statsMaxNoise);
    const unreadableKeys = new Set(unreadable.filter((row) => row.count > 0).map((row) => row.key));
    const options = (key: string) => ({
      protection,
      ptable,
      minCell: this.config.statsMinCell,
      unreadable: key === '' ? unreadableKeys.size > 0 : unreadableKeys.has(key),
    });
    const rows = subAreas.map((sub) =>
      publishKpis(
        { areaCode: sub.code },
        figures.get(sub.code) ?? emptyKpis(),
        options(sub.code),
        targetsOf(sub.code, subTargets),
      ),
    );
    const total = publishKpis({}, figures.get('')!, options(''), targetsOf(area.code, targets));
    // `exact` only when every row is; a row that counts a case the caller may not read says `protected`.
    const exact = [...rows, total].every((row) => row.protection === 'exact');
    return {
      year: query.year,
      period,
      areaCode: area.code,
      ...(byArea ? { groupBy: 'area' as const } : {}),
      protection: exact ? 'exact' : 'protected',
      additive: exact,
      ...(exact ? {} : { ptableVersion: ptable.version }),
      asOf: now.toISOString(),
      rows,
      total,
    };
  }
}
