import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { movesTouching, RatesScope, statisticsArea } from './area-scope';
import { Protection, PublishedCell, publishRates } from './disclosure-control';
import { RatesBaseQuery, RatesQuery } from './dto/rates-query.dto';
import { Basis, defaultBasis, Indicator, INDICATOR_RULES, SUBSTANTIATIONS_BY_BASIS } from './indicators';
import { Period, periodRange } from './periods';
import { PER } from './poisson-interval';
import { ptableFor } from './ptable';
import { countChildren, Grouping, populationCells, rowAreas, Slice, targetsFor } from './rates-repository';
import { buildRawTable, GROUP_BY, GroupBy } from './rates-table';
import { unreadableCounted } from './read-scope';

export type RatesFormat = 'json' | 'csv' | 'xlsx' | 'svg';

/** One published breakdown: what every format renders. Codes and numbers only. */
export interface RatesResult {
  indicator: Indicator;
  year: number;
  period: Period;
  areaCode: string;
  basis: Basis;
  groupBy?: GroupBy;
  per: number;
  /** How the figures were made (docs/statistics.md, Protection). */
  protection: Protection;
  /** Whether the rows add up to the total: false for protected figures, each cell perturbed on its own. */
  additive: boolean;
  /** The perturbation table of protected figures. */
  ptableVersion?: string;
  rows: PublishedCell[];
  total: PublishedCell;
}

interface RatesRequest {
  caller: Caller;
  scope: RatesScope;
  slice: Slice;
  period: Period;
  protection: Protection;
}

/** Roles that may read every case counted in their own area: their default is exact counts. */
const EXACT_ROLES: readonly string[] = ['commune_officer', 'commune_chair', 'provincial_officer'];

/**
 * `exact` only for a case role inside its own area (the area check has passed already) that did
 * not ask for `protected`; everyone else — managers always, whatever they ask — gets `protected`.
 * A manager asking `exact` is not refused: the safe answer is the protected table.
 */
export function protectionFor(role: string, requested: Protection | undefined): Protection {
  return EXACT_ROLES.includes(role) && requested !== 'protected' ? 'exact' : 'protected';
}

const SQL_GROUPING: Record<GroupBy, Grouping> = { area: 'area', sex: 'sex', ageGroup: 'age', form: 'form' };

/**
 * Rates per 100,000 children for an area inside the caller's, from the fact table; every figure
 * passes through `publishRates` (disclosure control) before any format sees it, and every read
 * is audited with its parameters (codes only).
 */
@Injectable()
export class RatesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async rates(caller: Caller, query: RatesQuery, format: RatesFormat): Promise<RatesResult> {
    const request = await this.resolve(caller, query);
    const result = await this.breakdown(request, query.groupBy);
    await this.recordRead(caller, request, query.groupBy ?? 'total', format);
    return result;
  }

  /** The total and every breakdown, for exports that show them all (XLSX). */
  async allBreakdowns(caller: Caller, query: RatesBaseQuery, format: RatesFormat): Promise<RatesResult[]> {
    const request = await this.resolve(caller, query);
    const results = await Promise.all([undefined, ...GROUP_BY].map((groupBy) => this.breakdown(request, groupBy)));
    await this.recordRead(caller, request, 'all', format);
    return results;
  }

  private async resolve(caller: Caller, query: RatesBaseQuery): Promise<RatesRequest> {
    const period = query.period ?? 'year';
    const range = periodRange(query.year, period);
    const ref = await statisticsArea(this.db.manager, caller, query.areaCode, range.end);
    const moves = await movesTouching(this.db.manager, ref, range.end);
    return {
      caller,
      scope: { area: ref, asOf: range.end, moves },
      slice: {
        indicator: query.indicator,
        basis: query.basis ?? defaultBasis(query.indicator),
        year: query.year,
        period,
        range,
      },
      period,
      protection: protectionFor(caller.user.role, query.protection),
    };
  }

  private async breakdown(request: RatesRequest, groupBy: GroupBy | undefined): Promise<RatesResult> {
    const { scope, slice } = request;
    const manager = this.db.manager;
    const areas = groupBy === 'area' ? await rowAreas(manager, scope.area, scope.asOf) : [];
    const grouping = groupBy ? SQL_GROUPING[groupBy] : 'none';
    const rule = INDICATOR_RULES[slice.indicator];
    const [counts, population, targets, unreadable] = await Promise.all([
      countChildren(manager, scope, slice, grouping),
      populationCells(manager, scope, slice.year, areas, rule),
      targetsFor(manager, slice.indicator, slice.year, [scope.area.code, ...areas.map((area) => area.code)]),
      // Only an exact table can show what the caller may not read.
      request.protection === 'exact'
        ? unreadableCounted(
            manager,
            request.caller,
            scope,
            {
              ...rule,
              categories: [rule.category],
              substantiations: SUBSTANTIATIONS_BY_BASIS[slice.basis],
              ...slice.range,
            },
            grouping,
          )
        : Promise.resolve([]),
    ]);
    const table = buildRawTable({
      indicator: slice.indicator,
      groupBy,
      area: scope.area,
      rowAreas: areas,
      counts,
      unreadable,
      population,
      targets,
    });
    const ptable = ptableFor(this.config.statsMaxNoise);
    const published = publishRates(table.rows, table.total, {
      minCell: this.config.statsMinCell,
      periodMonths: slice.range.months,
      protection: request.protection,
      ptable,
    });
    return {
      indicator: slice.indicator,
      year: slice.year,
      period: request.period,
      areaCode: scope.area.code,
      basis: slice.basis,
      ...(groupBy ? { groupBy } : {}),
      per: PER,
      // `exact` only when every cell is; cells that count a case the caller may not read say `protected`.
      protection: published.additive ? 'exact' : 'protected',
      additive: published.additive,
      ...(published.additive ? {} : { ptableVersion: ptable.version }),
      rows: published.rows,
      total: published.total,
    };
  }

  private recordRead(caller: Caller, request: RatesRequest, breakdown: string, format: RatesFormat): Promise<void> {
    const { scope, slice } = request;
    return this.audit.recordBy(caller, {
      action: 'statistics.read',
      subjectType: 'Statistics',
      subjectId: scope.area.code,
      details: {
        indicator: slice.indicator,
        year: slice.year,
        period: request.period,
        basis: slice.basis,
        breakdown,
        format,
        protection: request.protection,
      },
    });
  }
}
