import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { IntakeService } from './intake.service';
import { ReportViewService } from './report-view.service';
import { ReportsController } from './reports.controller';

@Module({
  imports: [CasesModule],
  controllers: [ReportsController],
  providers: [IntakeService, ReportViewService],
})
export class IntakeModule {}
