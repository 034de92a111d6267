import { subject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { callProtectionFor, CallStatisticsService } from './call-statistics.service';
import { KpiBaseQuery } from './dto/kpis.dto';
import { reportToXlsx } from './exports/report-xlsx';
import { INDICATORS } from './indicators';
import { KpisService } from './kpis.service';
import { RatesService } from './rates.service';

/**
 * GET /statistics/report.xlsx: the half-year and year reports the plans ask for, in one workbook,
 * from the same published figures as GET /statistics/rates and /statistics/kpis (each read audited).
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly db: DataSource,
    private readonly rates: RatesService,
    private readonly kpis: KpisService,
    private readonly calls: CallStatisticsService,
    private readonly audit: AuditService,
  ) {}

  async workbook(caller: Caller, query: KpiBaseQuery): Promise<Buffer> {
    const generatedAt = new Date();
    // The KPIs check the area (known, in scope, valid) before any rate is read.
    const kpis = await this.kpis.kpis(caller, { ...query, groupBy: 'area' }, 'report', generatedAt);
    const rates = [];
    for (const indicator of INDICATORS)
      rates.push(await this.rates.rates(caller, { ...query, indicator, groupBy: 'area' }, 'xlsx'));
    const codes = [kpis.areaCode, ...kpis.rows.map((row) => row.key.areaCode!)];
    const names = (await this.db.query(`SELECT code, name FROM areas WHERE code = ANY($1::text[])`, [codes])) as {
      code: string;
      name: string;
    }[];
    const areaNames = new Map(names.map((row) => [row.code, row.name]));
    const calls = await this.callSheets(caller, query, kpis.areaCode);
    return reportToXlsx({
      area: { code: kpis.areaCode, name: areaNames.get(kpis.areaCode) ?? '' },
      areaNames,
      year: kpis.year,
      period: kpis.period,
      generatedAt,
      generatedBy: { username: caller.user.username, role: caller.user.role },
      rates,
      kpis,
      calls,
    });
  }

  /**
   * The calls of the area by sub-area and by type, for roles that may read call statistics
   * (managers and provincial officers; commune roles get no calls sheet), with the protection of
   * GET /statistics/calls for that role.
   */
  private async callSheets(caller: Caller, query: KpiBaseQuery, areaCode: string) {
    const [area] = (await this.db.query(`SELECT code, path, level FROM areas WHERE code = $1`, [areaCode])) as {
      code: string;
      path: string;
      level: string;
    }[];
    if (!caller.ability.can('read', subject('CallStatistics', { areaPath: area.path }) as never)) return undefined;
    const request = {
      area,
      year: query.year,
      period: query.period ?? 'year',
      protection: callProtectionFor(caller.user.role, query.protection),
    };
    const [byArea, byType] = await Promise.all([
      this.calls.counts({ ...request, groupBy: 'area' }),
      this.calls.counts({ ...request, groupBy: 'type' }),
    ]);
    await this.audit.recordBy(caller, {
      action: 'statistics.calls.read',
      subjectType: 'CallStatistics',
      subjectId: area.code,
      details: { year: query.year, period: request.period, breakdown: 'report', protection: request.protection },
    });
    return { byArea, byType };
  }
}
