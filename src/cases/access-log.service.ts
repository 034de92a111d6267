import { Injectable } from '@nestjs/common';
import { Caller } from '../access/request-context';
import { requireAccess } from '../access/require-access';
import { AuditLogService, CaseAccessItem } from '../audit/audit-log.service';
import { AuditService } from '../audit/audit.service';
import { Page, PageQuery, pageRequest } from '../common/pagination';
import { CaseRepository } from './case-repository';

export type AccessLogItem = CaseAccessItem;

/** GET /cases/{id}/access-log: who read or changed this case, for its officers and the auditor. */
@Injectable()
export class CaseAccessLogService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly auditLog: AuditLogService,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, caseId: string, query: PageQuery): Promise<Page<AccessLogItem>> {
    requireAccess(caller, 'read', 'CaseAccessLog', await this.cases.scopeOf(caseId), 'The case');
    const page = await this.auditLog.forCase(caseId, pageRequest(query, ['bigint']));
    await this.audit.recordBy(caller, {
      action: 'case.access_log.read',
      subjectType: 'Case',
      subjectId: caseId,
      caseId,
    });
    return page;
  }
}
