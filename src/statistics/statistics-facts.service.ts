import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SqlStatement } from '../database/statement-batch';
import { rebuildYearStatements, replaceChildrenFactsSql, ruleParameters } from './facts-sql';

/** Advisory-lock namespace for "statistics facts of one child" (any constant unique in the app). */
const FACTS_LOCK_NAMESPACE = 6;

/**
 * Keeps the statistics facts current. Whoever changes a case (intake, substantiation, closing,
 * a correction of the event date or residence) calls `refreshChildren` with the children concerned
 * inside the same transaction; their rows are recomputed from `cases` as they stand, so the caller
 * needs to know nothing about indicators or periods.
 */
@Injectable()
export class StatisticsFactsService {
  /**
   * `createdHere`: children inserted by the caller's own transaction. No other transaction can see
   * them yet, so they need no lock (the common case at intake, saving a round trip).
   */
  async refreshChildren(
    manager: EntityManager,
    childIds: string[],
    createdHere: readonly string[] = [],
  ): Promise<void> {
    for (const { sql, params } of this.refreshStatements(childIds, createdHere)) await manager.query(sql, params);
  }

  /**
   * The statements of `refreshChildren`, for a caller that sends them with others in one round
   * trip. Two transactions refreshing one child at once would each start from the rows they saw,
   * and the second would insert keys the first just committed (or count its change twice): a
   * per-child lock, taken in one order, makes the second wait and then read the first's rows.
   */
  refreshStatements(childIds: string[], createdHere: readonly string[] = []): SqlStatement[] {
    const ids = [...new Set(childIds)];
    if (!ids.length) return [];
    const shared = ids.filter((id) => !createdHere.includes(id));
    const lock: SqlStatement = {
      sql: `SELECT pg_advisory_xact_lock($1::int, key)
              FROM (SELECT DISTINCT hashtext(id::text) AS key FROM unnest($2::uuid[]) AS id ORDER BY 1) AS keys`,
      params: [FACTS_LOCK_NAMESPACE, shared],
    };
    return [...(shared.length ? [lock] : []), { sql: replaceChildrenFactsSql(), params: [ids, ...ruleParameters()] }];
  }

  /** Recomputes one year's facts and sums for every child (bulk loads, repairs); set-based, no locks. */
  async rebuildYear(manager: EntityManager, year: number): Promise<void> {
    for (const { sql, params } of rebuildYearStatements(year)) await manager.query(sql, params);
  }
}
