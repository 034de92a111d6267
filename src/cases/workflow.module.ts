import { Module } from '@nestjs/common';
import { CalendarModule } from '../areas/holidays/calendar.module';
import { CaseStepsService } from './case-steps.service';
import { CasesModule } from './cases.module';
import { DeadlineListService } from './deadline-list.service';
import { DeadlinesController } from './deadlines.controller';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

/** The Decree 56 steps and their deadlines; uses the case file, the calendar and the interventions. */
@Module({
  imports: [CasesModule, CalendarModule],
  controllers: [WorkflowController, DeadlinesController],
  providers: [WorkflowService, CaseStepsService, DeadlineListService],
})
export class WorkflowModule {}
