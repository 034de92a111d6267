import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /statistics/kpis reads only indexes (README "Performance indicators"): the per-area sums by
 * area or parent with the period in the index condition, and the few fact rows in the future (the
 * read-time corrections) without visiting the fact tables, which at national scale were spread
 * over the whole heap.
 */
export class KpiCoveringIndexes1763900018000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    const sums = 'INCLUDE (measure, kind, days, value, key_sum)';
    await db.query(`CREATE INDEX kpi_area_counts_area_cover ON kpi_area_counts (area_code, year, period) ${sums}`);
    await db.query(`CREATE INDEX kpi_area_counts_parent_cover ON kpi_area_counts (parent_code, year, period) ${sums}`);
    await db.query(`
      CREATE INDEX kpi_deadline_facts_due_cover ON kpi_deadline_facts (due_at)
        INCLUDE (area_path, kind, year, month, counted, met_on_time, open, record_key)`);
    await db.query(`
      CREATE INDEX kpi_child_facts_period_fails ON kpi_child_facts (year, period, fails_at)
        INCLUDE (area_path, record_key) WHERE fails_at IS NOT NULL`);
    for (const index of [
      'kpi_area_counts_area',
      'kpi_area_counts_parent',
      'kpi_deadline_facts_due',
      'kpi_child_facts_fails',
    ])
      await db.query(`DROP INDEX ${index}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX kpi_area_counts_area ON kpi_area_counts (area_code, year, period)`);
    await db.query(`CREATE INDEX kpi_area_counts_parent ON kpi_area_counts (parent_code, year, period)`);
    await db.query(`CREATE INDEX kpi_deadline_facts_due ON kpi_deadline_facts (due_at)`);
    await db.query(`CREATE INDEX kpi_child_facts_fails ON kpi_child_facts (fails_at) WHERE fails_at IS NOT NULL`);
    for (const index of [
      'kpi_area_counts_area_cover',
      'kpi_area_counts_parent_cover',
      'kpi_deadline_facts_due_cover',
      'kpi_child_facts_period_fails',
    ])
      await db.query(`DROP INDEX ${index}`);
  }
}
