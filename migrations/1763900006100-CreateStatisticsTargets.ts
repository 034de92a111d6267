import { MigrationInterface, QueryRunner } from 'typeorm';

/** Plan targets per area, year and indicator, in rates per 100,000 children (`max` or `min`). */
export class CreateStatisticsTargets1763900006100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE statistics_targets (
        indicator text NOT NULL CHECK (indicator IN ('abuse', 'injury', 'injury_death', 'child_labour')),
        area_code text NOT NULL REFERENCES areas(code),
        year smallint NOT NULL CHECK (year BETWEEN 1900 AND 2200),
        value numeric(12, 1) NOT NULL CHECK (value >= 0),
        kind text NOT NULL CHECK (kind IN ('max', 'min')),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (indicator, area_code, year)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE statistics_targets`);
  }
}
