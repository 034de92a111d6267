import { Module } from '@nestjs/common';
import { CallStatisticsService } from './call-statistics.service';
import { ChartRenderer } from './exports/chart-renderer';
import { KpiFactsService } from './kpi-facts.service';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';
import { RatesExportService } from './rates-export.service';
import { RatesService } from './rates.service';
import { ReportService } from './report.service';
import { StatisticsFactsService } from './statistics-facts.service';
import { StatisticsController } from './statistics.controller';
import { TargetsController } from './targets.controller';
import { TargetsService } from './targets.service';

/**
 * Incidence rates per 100,000 children from facts kept current by the modules that change cases
 * (they import this module and call StatisticsFactsService.refreshChildren in their transaction), and
 * performance indicators from KPI facts kept current the same way (KpiFactsService.refreshCases).
 */
@Module({
  controllers: [StatisticsController, KpisController, TargetsController],
  providers: [
    StatisticsFactsService,
    KpiFactsService,
    RatesService,
    RatesExportService,
    KpisService,
    ReportService,
    TargetsService,
    ChartRenderer,
    CallStatisticsService,
  ],
  exports: [StatisticsFactsService, KpiFactsService, CallStatisticsService],
})
export class StatisticsModule {}
