import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { ChildMatcher } from './child-matcher';
import { IntakeService } from './intake.service';
import { ReportViewService } from './report-view.service';
import { ReportsController } from './reports.controller';

@Module({
  imports: [AreasModule, StatisticsModule],
  controllers: [ReportsController],
  providers: [IntakeService, ReportViewService, ChildMatcher],
})
export class IntakeModule {}
