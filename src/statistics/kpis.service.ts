import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
import { KPI_TARGET_INDICATORS, KpiTargetIndicator, ShareTarget } from './targets';

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
 * with the same protection as the rates (exact for case roles in their area, cell-key protected
 * for managers and on request), each read audited with its parameters.
 */
@Injectable()
export class KpisService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async kpis(caller: Caller, query: KpiQuery, format = 'json', now = new Date()): Promise<KpisResult> {
    const period = query.period ?? 'year';
    const range = periodRange(query.year, period);
    const area = await statisticsArea(this.db.manager, caller, query.areaCode, range.end);
    const byArea = query.groupBy === 'area';
    const protection = protectionFor(caller.user.role, query.protection);
    const manager = this.db.manager;
    const [subAreas, figures, ...targets] = await Promise.all([
      byArea ? rowAreas(manager, area, range.end) : Promise.resolve([]),
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
    const options = { protection, ptable, minCell: this.config.statsMinCell };
    const result: KpisResult = {
      year: query.year,
      period,
      areaCode: area.code,
      ...(byArea ? { groupBy: 'area' as const } : {}),
      protection,
      additive: protection === 'exact',
      ...(protection === 'protected' ? { ptableVersion: ptable.version } : {}),
      asOf: now.toISOString(),
      rows: subAreas.map((sub) =>
        publishKpis(
          { areaCode: sub.code },
          figures.get(sub.code) ?? emptyKpis(),
          options,
          targetsOf(sub.code, subTargets),
        ),
      ),
      total: publishKpis({}, figures.get('')!, options, targetsOf(area.code, targets)),
    };
    await this.audit.recordBy(caller, {
      action: 'statistics.read',
      subjectType: 'Statistics',
      subjectId: area.code,
      details: { indicator: 'kpis', year: query.year, period, breakdown: query.groupBy ?? 'total', format, protection },
    });
    return result;
  }
}
