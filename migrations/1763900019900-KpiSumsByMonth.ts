import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The KPI sums of deadlines (due, met) and closings are kept by month only: they add up, so the
 * reader adds a period's months, and each write touches a quarter of the rows it did. The month
 * rows are already there; the quarter, half and year rows of those measures go.
 */
export class KpiSumsByMonth1763900019900 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `DELETE FROM kpi_area_counts WHERE measure IN ('due', 'met', 'closed') AND year <> 0 AND period NOT LIKE 'M%'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      INSERT INTO kpi_area_counts (measure, kind, year, period, days, area_code, shard, parent_code, value, key_sum)
      SELECT measure, kind, year, p.period, days, area_code, shard, min(parent_code), sum(value), sum(key_sum)
        FROM kpi_area_counts
        CROSS JOIN LATERAL (VALUES ('Q' || ((substr(period, 2)::int - 1) / 3 + 1)),
                                   ('H' || ((substr(period, 2)::int - 1) / 6 + 1)), ('year')) AS p(period)
       WHERE measure IN ('due', 'met', 'closed') AND year <> 0 AND kpi_area_counts.period LIKE 'M%'
       GROUP BY measure, kind, year, p.period, days, area_code, shard`);
  }
}
