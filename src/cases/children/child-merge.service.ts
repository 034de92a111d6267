import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Caller } from '../../access/request-context';
import { scopeCondition } from '../../access/scope-sql';
import { AuditService } from '../../audit/audit.service';
import { Forbidden, invalidField, NotFound } from '../../common/problem';
import { CaseRepository } from '../case-repository';
import { CASE_SCOPE_COLUMNS } from '../case-scope';
import { ChildMatcher } from '../child-matcher';
import { CaseHistoryWriter } from '../history/case-history-writer';
import { MergedChildDto, MergeChildDto, NotDuplicateDto } from './child-merge.dto';

/**
 * Two records of one child become one (README "Corrections, history and duplicate children"): the
 * merged child's cases move to the record that stays, both children's statistics facts are
 * recomputed in the same transaction (the child is counted once), and the merged id answers 404
 * from then on. Or an officer judges a near match to be another child, and the pair is never
 * proposed again.
 */
@Injectable()
export class ChildMergeService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly children: ChildMatcher,
    private readonly history: CaseHistoryWriter,
    private readonly audit: AuditService,
  ) {}

  async merge(caller: Caller, childId: string, dto: MergeChildDto): Promise<MergedChildDto> {
    if (dto.intoChildId === childId) throw invalidField('intoChildId', 'is the child being merged');
    return this.cases.transaction(async (writes) => {
      const { manager } = writes;
      await this.requirePair(manager, caller, [childId, dto.intoChildId], 'intoChildId');
      // A provincial officer merges within its province; a commune officer only what lies wholly in its commune.
      if (
        caller.user.role !== 'provincial_officer' &&
        !(await everyCaseInScope(manager, caller, [childId, dto.intoChildId]))
      )
        throw new Forbidden('A commune officer merges two children only when every case of both lies in the commune');
      const intoCases = (
        (await manager.query(`SELECT id FROM cases WHERE child_id = $1`, [dto.intoChildId])) as { id: string }[]
      ).map((row) => row.id);
      const moved = await writes.moveCasesToChild(childId, dto.intoChildId);
      await this.children.markMerged(manager, childId, dto.intoChildId);
      await this.history.record(manager, caller, [...moved, ...intoCases], {
        action: 'child_merge',
        reason: dto.reason,
        changes: [{ field: 'childId', from: childId, to: dto.intoChildId }],
      });
      await this.audit.recordManyBy(
        caller,
        [...moved, ...intoCases].map((caseId) => ({
          action: 'child.merge',
          subjectType: 'Child',
          subjectId: childId,
          caseId,
          details: { intoChildId: dto.intoChildId },
        })),
        manager,
      );
      return {
        childId: dto.intoChildId,
        mergedChildId: childId,
        cases: await visibleCases(manager, caller, dto.intoChildId),
      };
    });
  }

  async notDuplicate(caller: Caller, childId: string, dto: NotDuplicateDto): Promise<void> {
    if (dto.otherChildId === childId) throw invalidField('otherChildId', 'is the same child');
    await this.cases.transaction(async (writes) => {
      const { manager } = writes;
      await this.requirePair(manager, caller, [childId, dto.otherChildId], 'otherChildId');
      const [listed] = (await manager.query(
        `SELECT 1 FROM child_possible_duplicates WHERE child_id = $1 AND candidate_id = $2`,
        [childId, dto.otherChildId],
      )) as unknown[];
      if (!listed)
        throw new NotFound('The possible duplicate', 'the two children are not listed as possible duplicates');
      await this.children.markDistinct(manager, [childId, dto.otherChildId], caller.user.id);
      await this.audit.recordBy(
        caller,
        {
          action: 'child.not_duplicate',
          subjectType: 'Child',
          subjectId: childId,
          details: { otherChildId: dto.otherChildId },
        },
        manager,
      );
    });
  }

  /**
   * Both children exist, are not merged already, and each has a case the caller may read: else 404
   * (the first on the path, the other on its field), whatever the reason.
   */
  private async requirePair(manager: EntityManager, caller: Caller, [id, other]: [string, string], field: string) {
    const pair = await this.children.lockPair(manager, [id, other]);
    if (!pair.has(id) || !(await mayReadACaseOf(manager, caller, id))) throw new NotFound('The child');
    if (!pair.has(other) || !(await mayReadACaseOf(manager, caller, other)))
      throw invalidField(field, 'is no child you may see');
  }
}

/** Whether the caller may read at least one case of the child. */
export async function mayReadACaseOf(manager: EntityManager, caller: Caller, childId: string): Promise<boolean> {
  return (await visibleCases(manager, caller, childId, 1)).length > 0;
}

/** The child's cases the caller may read, by number. */
async function visibleCases(manager: EntityManager, caller: Caller, childId: string, limit = 1000) {
  const scope = scopeCondition(caller.ability, 'read', 'Case', CASE_SCOPE_COLUMNS);
  return manager
    .createQueryBuilder()
    .select('c.id', 'id')
    .addSelect('c.case_number', 'caseNumber')
    .from('cases', 'c')
    .where('c.child_id = :childId', { childId })
    .andWhere(scope.sql, scope.params)
    .orderBy('c.case_number')
    .limit(limit)
    .getRawMany<{ id: string; caseNumber: string }>();
}

/** Whether the caller may manage every case of the children. */
async function everyCaseInScope(manager: EntityManager, caller: Caller, childIds: string[]): Promise<boolean> {
  const scope = scopeCondition(caller.ability, 'update', 'Case', CASE_SCOPE_COLUMNS);
  const row = await manager
    .createQueryBuilder()
    .select(`bool_and(${scope.sql})`, 'all')
    .from('cases', 'c')
    .where('c.child_id = ANY(:childIds)', { childIds })
    .setParameters(scope.params)
    .getRawOne<{ all: boolean | null }>();
  return row?.all === true;
}
