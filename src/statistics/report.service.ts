import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../access/request-context';
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
    return reportToXlsx({
      area: { code: kpis.areaCode, name: areaNames.get(kpis.areaCode) ?? '' },
      areaNames,
      year: kpis.year,
      period: kpis.period,
      generatedAt,
      generatedBy: { username: caller.user.username, role: caller.user.role },
      rates,
      kpis,
    });
  }
}
