import { Client } from 'pg';
import { refreshKpiStatements } from '../../src/statistics/kpi-facts-sql';

/**
 * The KPI facts of a bulk-loaded country (README "Performance indicators"): the same statements
 * the service runs in every case write, over every case at once (`$1` NULL), then statistics for
 * the planner. The database must hold no KPI facts yet (a fresh national seed).
 */
export async function buildKpiFacts(
  client: Client,
): Promise<{ deadlineFacts: number; childFacts: number; sums: number }> {
  // Each statement reads the facts the one before wrote: analyze them first, or the planner takes them for empty.
  for (const statement of refreshKpiStatements('all')) {
    await client.query(statement.sql, [null, ...statement.params]);
    await client.query(`VACUUM ANALYZE ${statement.table}`);
  }
  await client.query(`VACUUM ANALYZE kpi_area_counts`);
  const [row] = (
    await client.query(
      `SELECT (SELECT count(*) FROM kpi_deadline_facts)::int AS "deadlineFacts",
              (SELECT count(*) FROM kpi_child_facts)::int AS "childFacts",
              (SELECT count(*) FROM kpi_area_counts)::int AS sums`,
    )
  ).rows as { deadlineFacts: number; childFacts: number; sums: number }[];
  return row;
}
