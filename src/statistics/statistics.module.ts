import { Module } from '@nestjs/common';
import { CallStatisticsService } from './call-statistics.service';
import { ChartRenderer } from './exports/chart-renderer';
import { RatesExportService } from './rates-export.service';
import { RatesService } from './rates.service';
import { StatisticsFactsService } from './statistics-facts.service';
import { StatisticsController } from './statistics.controller';
import { TargetsController } from './targets.controller';
import { TargetsService } from './targets.service';

/**
 * Incidence rates per 100,000 children from facts kept current by the modules that change cases
 * (they import this module and call StatisticsFactsService.refreshChildren in their transaction).
 */
@Module({
  controllers: [StatisticsController, TargetsController],
  providers: [
    StatisticsFactsService,
    RatesService,
    RatesExportService,
    TargetsService,
    ChartRenderer,
    CallStatisticsService,
  ],
  exports: [StatisticsFactsService, CallStatisticsService],
})
export class StatisticsModule {}
