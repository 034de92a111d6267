import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SqlStatement } from '../database/statement-batch';
import { refreshKpiStatements } from './kpi-facts-sql';

/** Advisory-lock namespaces for "KPI facts of one case" and "of one child" (unique in the app). */
const CASE_LOCK_NAMESPACE = 7;
const CHILD_LOCK_NAMESPACE = 8;

/**
 * Keeps the KPI facts current, like StatisticsFactsService keeps the rate facts: the case
 * repository calls `refreshCases` before every commit with the cases whose deadlines, interventions
 * or status the transaction wrote; their facts and their children's are recomputed from the case
 * record as it stands, so a writer needs to know nothing about indicators.
 */
@Injectable()
export class KpiFactsService {
  async refreshCases(manager: EntityManager, caseIds: string[], childIds: string[] = []): Promise<void> {
    const cases = [...new Set(caseIds)];
    if (!cases.length && !childIds.length) return;
    const owners = cases.length
      ? ((await manager.query(`SELECT DISTINCT child_id AS id FROM cases WHERE id = ANY($1::uuid[])`, [cases])) as {
          id: string;
        }[])
      : [];
    const children = [...new Set([...childIds, ...owners.map((row) => row.id)])];
    for (const { sql, params } of this.refreshStatements(cases, children)) await manager.query(sql, params);
  }

  /**
   * The statements of `refreshCases` once the children of the cases are known (`childIds` holds
   * them), for a caller that sends them with others in one round trip. Two transactions
   * recomputing one case or child at once would both subtract the rows they saw: a lock per case
   * and per child, taken in one order, makes the second wait and read the first's.
   */
  refreshStatements(caseIds: string[], childIds: string[]): SqlStatement[] {
    const cases = [...new Set(caseIds)];
    const children = [...new Set(childIds)];
    if (!cases.length && !children.length) return [];
    const lock: SqlStatement = {
      sql: `SELECT pg_advisory_xact_lock(ns, key)
              FROM (SELECT DISTINCT $1::int AS ns, hashtext(id::text) AS key FROM unnest($2::uuid[]) AS id
                    UNION SELECT DISTINCT $3::int, hashtext(id::text) FROM unnest($4::uuid[]) AS id ORDER BY 1, 2) AS keys`,
      params: [CASE_LOCK_NAMESPACE, cases, CHILD_LOCK_NAMESPACE, children],
    };
    return [
      lock,
      ...refreshKpiStatements('rows').map((statement) => ({
        sql: statement.sql,
        params: [statement.ids === 'cases' ? cases : children, ...statement.params],
      })),
    ];
  }

  /** Recomputes every KPI fact and sum from the case record (bulk loads, repairs); set-based. */
  async rebuildAll(manager: EntityManager): Promise<void> {
    for (const table of ['kpi_area_counts', 'kpi_child_facts', 'kpi_case_facts', 'kpi_deadline_facts'])
      await manager.query(`DELETE FROM ${table}`);
    for (const statement of refreshKpiStatements('all'))
      await manager.query(statement.sql, [null, ...statement.params]);
  }
}
