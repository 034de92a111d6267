import { CreateAreas1763900000000 } from './1763900000000-CreateAreas';
import { CreateUsers1763900000100 } from './1763900000100-CreateUsers';
import { CreatePopulation1763900000200 } from './1763900000200-CreatePopulation';
import { CreateHolidays1763900000300 } from './1763900000300-CreateHolidays';
import { CreateAuditLog1763900000400 } from './1763900000400-CreateAuditLog';
import { CreateIntakeAndCases1763900001000 } from './1763900001000-CreateIntakeAndCases';
import { CreateDeadlines1763900001100 } from './1763900001100-CreateDeadlines';
import { CreateConsentsAndDisclosures1763900001200 } from './1763900001200-CreateConsentsAndDisclosures';
import { CreateWorkflow1763900001300 } from './1763900001300-CreateWorkflow';
import { CreateStatisticsFacts1763900006000 } from './1763900006000-CreateStatisticsFacts';
import { CreateStatisticsTargets1763900006100 } from './1763900006100-CreateStatisticsTargets';
import { CreateStatisticsPopulation1763900006200 } from './1763900006200-CreateStatisticsPopulation';
import { AddUserTokenVersion1763900007000 } from './1763900007000-AddUserTokenVersion';
import { AddUserMustChangePassword1763900007100 } from './1763900007100-AddUserMustChangePassword';
import { AuditActorAreaAndClientRequestId1763900009000 } from './1763900009000-AuditActorAreaAndClientRequestId';
import { StatisticsCellKeys1763900009100 } from './1763900009100-StatisticsCellKeys';
import { AddSocialRole1763900010000 } from './1763900010000-AddSocialRole';
import { AddCaseAssignee1763900011000 } from './1763900011000-AddCaseAssignee';
import { CreateCaseTransfers1763900012000 } from './1763900012000-CreateCaseTransfers';
import { CreateNotifications1763900013000 } from './1763900013000-CreateNotifications';
import { CreateNotificationSweeps1763900013100 } from './1763900013100-CreateNotificationSweeps';
import { WorkListIndexes1763900014000 } from './1763900014000-WorkListIndexes';
import { CreateNotificationDeliveries1763900015000 } from './1763900015000-CreateNotificationDeliveries';
import { CaseCorrectionsAndHistory1763900016000 } from './1763900016000-CaseCorrectionsAndHistory';
import { ReportSituation1763900016100 } from './1763900016100-ReportSituation';
import { CreateCalls1763900016200 } from './1763900016200-CreateCalls';
import { ChildMerges1763900016300 } from './1763900016300-ChildMerges';
import { CreateKpiFacts1763900017000 } from './1763900017000-CreateKpiFacts';
import { KpiCoveringIndexes1763900018000 } from './1763900018000-KpiCoveringIndexes';
import { NotificationKindReportReceived1763900019100 } from './1763900019100-NotificationKindReportReceived';
import { ReportReceiptStandIns1763900019150 } from './1763900019150-ReportReceiptStandIns';
import { DeadlinesOpenWritten1763900019200 } from './1763900019200-DeadlinesOpenWritten';
import { CasesResidenceElsewhereIndex1763900019300 } from './1763900019300-CasesResidenceElsewhereIndex';
import { PasswordSetByAdmin1763900019500 } from './1763900019500-PasswordSetByAdmin';
import { KpiCountShards1763900019700 } from './1763900019700-KpiCountShards';
import { InterventionsCarryTheirCase1763900019800 } from './1763900019800-InterventionsCarryTheirCase';
import { KpiSumsByMonth1763900019900 } from './1763900019900-KpiSumsByMonth';

/** Every migration, in order. Listed explicitly so the compiled app and the tests run the same set. */
export const MIGRATIONS = [
  CreateAreas1763900000000,
  CreateUsers1763900000100,
  CreatePopulation1763900000200,
  CreateHolidays1763900000300,
  CreateAuditLog1763900000400,
  CreateIntakeAndCases1763900001000,
  CreateDeadlines1763900001100,
  CreateConsentsAndDisclosures1763900001200,
  CreateWorkflow1763900001300,
  CreateStatisticsFacts1763900006000,
  CreateStatisticsTargets1763900006100,
  CreateStatisticsPopulation1763900006200,
  AddUserTokenVersion1763900007000,
  AddUserMustChangePassword1763900007100,
  AuditActorAreaAndClientRequestId1763900009000,
  StatisticsCellKeys1763900009100,
  AddSocialRole1763900010000,
  AddCaseAssignee1763900011000,
  CreateCaseTransfers1763900012000,
  CreateNotifications1763900013000,
  CreateNotificationSweeps1763900013100,
  WorkListIndexes1763900014000,
  CreateNotificationDeliveries1763900015000,
  CaseCorrectionsAndHistory1763900016000,
  ReportSituation1763900016100,
  CreateCalls1763900016200,
  ChildMerges1763900016300,
  CreateKpiFacts1763900017000,
  KpiCoveringIndexes1763900018000,
  NotificationKindReportReceived1763900019100,
  ReportReceiptStandIns1763900019150,
  DeadlinesOpenWritten1763900019200,
  CasesResidenceElsewhereIndex1763900019300,
  PasswordSetByAdmin1763900019500,
  KpiCountShards1763900019700,
  InterventionsCarryTheirCase1763900019800,
  KpiSumsByMonth1763900019900,
];
