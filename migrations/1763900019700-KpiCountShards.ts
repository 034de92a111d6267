import { MigrationInterface, QueryRunner } from 'typeorm';
import { refreshKpiStatements } from '../src/statistics/kpi-facts-sql';

/**
 * Intake at speed (bench:intake): every report adds to the KPI sums of its commune, its province
 * and the country, so every intake in the country updated the same country rows and waited for
 * the one before it to commit. Each sum is now split over `KPI_COUNT_SHARDS` rows (`shard`, chosen
 * by the writing connection): concurrent writers mostly touch different rows, and a reader adds
 * the shards up (it already adds rows). Existing sums stay in shard 0.
 */
export class KpiCountShards1763900019700 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE kpi_area_counts ADD COLUMN shard smallint NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE kpi_area_counts DROP CONSTRAINT kpi_area_counts_pkey`);
    await db.query(`ALTER TABLE kpi_area_counts ADD PRIMARY KEY (measure, kind, year, period, days, area_code, shard)`);
    // Existing cases get their KPI facts here, when no write has made any yet (CreateKpiFacts leaves them).
    const [{ pending }] = (await db.query(
      `SELECT EXISTS (SELECT 1 FROM cases) AND NOT EXISTS (SELECT 1 FROM kpi_case_facts) AS pending`,
    )) as { pending: boolean }[];
    if (!pending) return;
    // Each statement reads the facts the one before wrote: analyzed first, or the planner takes them for empty.
    for (const statement of refreshKpiStatements('all')) {
      await db.query(statement.sql, [null, ...statement.params]);
      await db.query(`ANALYZE ${statement.table}`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TEMPORARY TABLE kpi_area_counts_folded ON COMMIT DROP AS
      SELECT measure, kind, year, period, days, area_code, min(parent_code) AS parent_code,
             sum(value)::bigint AS value, sum(key_sum)::bigint AS key_sum
        FROM kpi_area_counts GROUP BY 1, 2, 3, 4, 5, 6`);
    await db.query(`DELETE FROM kpi_area_counts`);
    await db.query(`ALTER TABLE kpi_area_counts DROP CONSTRAINT kpi_area_counts_pkey`);
    await db.query(`ALTER TABLE kpi_area_counts DROP COLUMN shard`);
    await db.query(`
      INSERT INTO kpi_area_counts (measure, kind, year, period, days, area_code, parent_code, value, key_sum)
      SELECT measure, kind, year, period, days, area_code, parent_code, value, key_sum FROM kpi_area_counts_folded`);
    await db.query(`ALTER TABLE kpi_area_counts ADD PRIMARY KEY (measure, kind, year, period, days, area_code)`);
  }
}
