import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The KPI read model (src/statistics/kpi-facts-sql.ts): record keys for deadlines and cases (the
 * cell keys of protected deadline and case counts, as children's keys are for children), three
 * fact tables and the sums per area.
 */
export class CreateKpiFacts1763900017000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const table of ['deadlines', 'cases']) {
      await db.query(`
        ALTER TABLE ${table} ADD COLUMN record_key smallint NOT NULL DEFAULT (floor(random() * 256))::smallint
          CHECK (record_key BETWEEN 0 AND 255)`);
    }
    await db.query(`
      CREATE TABLE kpi_deadline_facts (
        deadline_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        due_at timestamptz NOT NULL,
        year smallint NOT NULL,
        month smallint NOT NULL,
        area_path text NOT NULL,
        counted boolean NOT NULL,
        met_on_time boolean NOT NULL,
        open boolean NOT NULL,
        record_key smallint NOT NULL
      )`);
    await db.query(`CREATE INDEX kpi_deadline_facts_case ON kpi_deadline_facts (case_id)`);
    // Read-time corrections look only at deadlines due after now: few, found by this index.
    await db.query(`CREATE INDEX kpi_deadline_facts_due ON kpi_deadline_facts (due_at)`);
    await db.query(`
      CREATE TABLE kpi_case_facts (
        case_id uuid PRIMARY KEY,
        area_path text NOT NULL,
        open boolean NOT NULL,
        closed_year smallint,
        closed_month smallint,
        days_to_close integer,
        record_key smallint NOT NULL
      )`);
    await db.query(`
      CREATE TABLE kpi_child_facts (
        child_id uuid NOT NULL,
        year smallint NOT NULL,
        period text NOT NULL,
        area_path text NOT NULL,
        record_key smallint NOT NULL,
        fails_at timestamptz,
        PRIMARY KEY (child_id, year, period)
      )`);
    await db.query(`CREATE INDEX kpi_child_facts_fails ON kpi_child_facts (fails_at) WHERE fails_at IS NOT NULL`);
    await db.query(`
      CREATE TABLE kpi_area_counts (
        measure text NOT NULL,
        kind text NOT NULL,
        year smallint NOT NULL,
        period text NOT NULL,
        days integer NOT NULL,
        area_code text NOT NULL,
        parent_code text,
        value bigint NOT NULL,
        key_sum bigint NOT NULL,
        PRIMARY KEY (measure, kind, year, period, days, area_code)
      )`);
    await db.query(`CREATE INDEX kpi_area_counts_area ON kpi_area_counts (area_code, year, period)`);
    await db.query(`CREATE INDEX kpi_area_counts_parent ON kpi_area_counts (parent_code, year, period)`);
    // Existing cases get their facts in KpiCountShards1763900019700, written with the SQL of today's
    // code, which needs the tables as they are after it.

    // Targets in per cent as well as per 100,000, and the KPI targets (per cent only).
    await db.query(`ALTER TABLE statistics_targets DROP CONSTRAINT statistics_targets_indicator_check`);
    await db.query(`
      ALTER TABLE statistics_targets ADD CONSTRAINT statistics_targets_indicator_check CHECK (indicator IN
        ('abuse', 'injury', 'injury_death', 'child_labour', 'supported_in_time', 'initial_assessment_on_time'))`);
    await db.query(`ALTER TABLE statistics_targets ALTER COLUMN value TYPE numeric(14, 4)`);
    await db.query(`
      ALTER TABLE statistics_targets ADD COLUMN unit text NOT NULL DEFAULT 'per100k' CHECK (unit IN ('per100k', 'percent'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DELETE FROM statistics_targets WHERE indicator IN ('supported_in_time', 'initial_assessment_on_time')`,
    );
    await db.query(`ALTER TABLE statistics_targets DROP COLUMN unit`);
    await db.query(`ALTER TABLE statistics_targets ALTER COLUMN value TYPE numeric(12, 1)`);
    await db.query(`ALTER TABLE statistics_targets DROP CONSTRAINT statistics_targets_indicator_check`);
    await db.query(`
      ALTER TABLE statistics_targets ADD CONSTRAINT statistics_targets_indicator_check CHECK (indicator IN
        ('abuse', 'injury', 'injury_death', 'child_labour'))`);
    for (const table of ['kpi_area_counts', 'kpi_child_facts', 'kpi_case_facts', 'kpi_deadline_facts'])
      await db.query(`DROP TABLE ${table}`);
    for (const table of ['cases', 'deadlines']) await db.query(`ALTER TABLE ${table} DROP COLUMN record_key`);
  }
}
