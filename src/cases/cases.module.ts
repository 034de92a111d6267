import { Module } from '@nestjs/common';
import { CaseAccessLogService } from './access-log.service';
import { CaseInterventionWriter } from './case-intervention-writer';
import { CaseListService } from './case-list.service';
import { ChildMatcher } from './child-matcher';
import { InterventionQueue } from './intervention-queue';
import { CaseRepository } from './case-repository';
import { StatisticsModule } from '../statistics/statistics.module';
import { CaseRecordService } from './case-record.service';
import { CaseViewService } from './case-view.service';
import { CasesController } from './cases.controller';
import { CaseAssignmentService } from './case-assignment.service';
import { CaseMovesController } from './case-moves.controller';
import { CaseTransferService } from './case-transfer.service';
import { CodesController } from './codes.controller';
import { CaseCorrectionsController } from './case-corrections.controller';
import { CaseCorrectionService } from './case-correction.service';
import { CaseHistoryWriter } from './history/case-history-writer';
import { CaseHistoryController } from './history/case-history.controller';
import { CaseHistoryService } from './history/case-history.service';
import { ChildrenController } from './children/children.controller';
import { ChildMergeService } from './children/child-merge.service';

@Module({
  imports: [StatisticsModule],
  controllers: [
    CasesController,
    CaseMovesController,
    CaseCorrectionsController,
    CaseHistoryController,
    ChildrenController,
    CodesController,
  ],
  providers: [
    CaseListService,
    CaseAssignmentService,
    CaseTransferService,
    CaseCorrectionService,
    CaseHistoryWriter,
    CaseHistoryService,
    ChildMergeService,
    CaseViewService,
    CaseAccessLogService,
    CaseRecordService,
    CaseInterventionWriter,
    CaseRepository,
    ChildMatcher,
    InterventionQueue,
  ],
  exports: [
    CaseViewService,
    CaseInterventionWriter,
    CaseRepository,
    CaseHistoryWriter,
    ChildMatcher,
    InterventionQueue,
  ],
})
export class CasesModule {}
