import { Injectable } from '@nestjs/common';
import { Caller } from '../access/request-context';
import { RatesBaseQuery, RatesQuery } from './dto/rates-query.dto';
import { ChartRenderer } from './exports/chart-renderer';
import { ratesChartSpec } from './exports/rates-chart';
import { ratesToCsv } from './exports/rates-csv';
import { ratesToXlsx } from './exports/rates-xlsx';
import { RatesResult, RatesService } from './rates.service';

/** Each format renders what RatesService published; none computes a figure of its own. */
@Injectable()
export class RatesExportService {
  constructor(
    private readonly rates: RatesService,
    private readonly charts: ChartRenderer,
  ) {}

  json(caller: Caller, query: RatesQuery): Promise<RatesResult> {
    return this.rates.rates(caller, query, 'json');
  }

  async csv(caller: Caller, query: RatesQuery): Promise<string> {
    return ratesToCsv(await this.rates.rates(caller, query, 'csv'));
  }

  async xlsx(caller: Caller, query: RatesBaseQuery): Promise<Buffer> {
    return ratesToXlsx(await this.rates.allBreakdowns(caller, query, 'xlsx'));
  }

  async svg(caller: Caller, query: RatesBaseQuery): Promise<string> {
    const byArea = await this.rates.rates(caller, { ...query, groupBy: 'area' }, 'svg');
    return this.charts.render(ratesChartSpec(byArea));
  }
}
