import { Module } from '@nestjs/common';
import { ChildMatcher } from './child-matcher';
import { IntakeService } from './intake.service';
import { ReportViewService } from './report-view.service';
import { ReportsController } from './reports.controller';

@Module({
  controllers: [ReportsController],
  providers: [IntakeService, ReportViewService, ChildMatcher],
})
export class IntakeModule {}
