import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ChildMatcher } from './child-matcher';
import { IntakeService } from './intake.service';
import { ReportViewService } from './report-view.service';
import { ReportsController } from './reports.controller';

@Module({
  imports: [CasesModule],
  controllers: [ReportsController],
  providers: [IntakeService, ReportViewService, ChildMatcher],
})
export class IntakeModule {}
