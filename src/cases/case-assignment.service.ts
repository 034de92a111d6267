import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Caller } from '../access/request-context';
import { AreaRepository } from '../area-tree/area-repository';
import { AuditService } from '../audit/audit.service';
import { invalidField, staleVersion } from '../common/problem';
import { isWithin } from '../domain/area-path';
import { Role } from '../domain/roles';
import { CaseRepository } from './case-repository';
import { CaseViewService } from './case-view.service';
import { AssignCaseDto } from './dto/assignment.dto';
import { CaseHistoryWriter } from './history/case-history-writer';

/** The roles that carry cases: an assignee is one of them. */
export const ASSIGNABLE_ROLES: readonly Role[] = ['commune_officer', 'provincial_officer'];

/** POST /cases/{id}/assign: the case goes to an officer whose scope holds it. */
@Injectable()
export class CaseAssignmentService {
  constructor(
    private readonly views: CaseViewService,
    private readonly cases: CaseRepository,
    private readonly areas: AreaRepository,
    private readonly audit: AuditService,
    private readonly history: CaseHistoryWriter,
  ) {}

  async assign(caller: Caller, caseId: string, dto: AssignCaseDto): Promise<void> {
    await this.views.gate(caller, caseId, 'assign');
    await this.cases.transaction(async (writes) => {
      const { manager } = writes;
      const kase = (await writes.lockForStep(caseId))!;
      if (kase.version !== dto.version) throw staleVersion('The case', dto.version, kase.version);
      // Checked against the locked row: a transfer accepted meanwhile moves the case's area.
      if (!(await this.mayCarry(manager, dto.userId, kase.areaPath)))
        throw invalidField('userId', 'is not an active commune or provincial officer whose area holds the case');
      const [previous] = (await manager.query(`SELECT assignee_id AS "assigneeId" FROM cases WHERE id = $1`, [
        caseId,
      ])) as { assigneeId: string | null }[];
      await writes.assign(caseId, dto.userId);
      await this.history.record(manager, caller, caseId, {
        action: 'assign',
        changes: [{ field: 'assigneeId', from: previous.assigneeId, to: dto.userId }],
      });
      await this.audit.recordBy(
        caller,
        { action: 'case.assign', subjectType: 'Case', subjectId: caseId, caseId, details: { assigneeId: dto.userId } },
        manager,
      );
    });
  }

  /** The user is an active commune or provincial officer and the case lies in their area. */
  private async mayCarry(manager: EntityManager, userId: string, caseAreaPath: string): Promise<boolean> {
    const [user] = (await manager.query(
      `SELECT area_code AS "areaCode" FROM users WHERE id = $1 AND active AND role = ANY($2)`,
      [userId, ASSIGNABLE_ROLES],
    )) as { areaCode: string }[];
    if (!user) return false;
    const area = await this.areas.ref(user.areaCode, manager);
    return !!area && isWithin(caseAreaPath, area.path);
  }
}
