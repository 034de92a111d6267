import { MigrationInterface, QueryRunner } from 'typeorm';

const SUMS = 'INCLUDE (measure, kind, days, value, key_sum)';

/** Each index this migration replaces, and the covering one that replaces it. */
const REPLACED: { old: [string, string]; covering: [string, string] }[] = [
  {
    old: ['kpi_area_counts_area', 'kpi_area_counts (area_code, year, period)'],
    covering: ['kpi_area_counts_area_cover', `kpi_area_counts (area_code, year, period) ${SUMS}`],
  },
  {
    old: ['kpi_area_counts_parent', 'kpi_area_counts (parent_code, year, period)'],
    covering: ['kpi_area_counts_parent_cover', `kpi_area_counts (parent_code, year, period) ${SUMS}`],
  },
  {
    old: ['kpi_deadline_facts_due', 'kpi_deadline_facts (due_at)'],
    covering: [
      'kpi_deadline_facts_due_cover',
      'kpi_deadline_facts (due_at) INCLUDE (area_path, kind, year, month, counted, met_on_time, open, record_key)',
    ],
  },
  {
    old: ['kpi_child_facts_fails', 'kpi_child_facts (fails_at) WHERE fails_at IS NOT NULL'],
    covering: [
      'kpi_child_facts_period_fails',
      'kpi_child_facts (year, period, fails_at) INCLUDE (area_path, record_key) WHERE fails_at IS NOT NULL',
    ],
  },
];

/**
 * GET /statistics/kpis reads only indexes (README "Performance indicators"): the per-area sums by
 * area or parent with the period in the index condition, and the few fact rows in the future (the
 * read-time corrections) without visiting the fact tables, which at national scale were spread
 * over the whole heap.
 */
export class KpiCoveringIndexes1763900018000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const { old, covering } of REPLACED) await replace(db, old, covering);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { old, covering } of REPLACED) await replace(db, covering, old);
  }
}

async function replace(db: QueryRunner, [dropped]: [string, string], [name, definition]: [string, string]) {
  await db.query(`CREATE INDEX ${name} ON ${definition}`);
  await db.query(`DROP INDEX ${dropped}`);
}
