import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statutory deadlines as rows, written by the transaction of the step that sets or meets them,
 * so "overdue" is one indexed query: met_at IS NULL AND due_at < now().
 */
export class CreateDeadlines1763900001100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE deadlines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL CHECK (kind IN ('initial_assessment', 'emergency_response', 'separation_end', 'plan_draft',
          'plan_approval', 'police_referral', 'intervention')),
        intervention_id uuid,
        due_at timestamptz NOT NULL,
        met_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX deadlines_one_per_kind ON deadlines (case_id, kind) WHERE intervention_id IS NULL`,
    );
    await db.query(`CREATE INDEX deadlines_case ON deadlines (case_id)`);
    await db.query(`CREATE INDEX deadlines_open ON deadlines (due_at) WHERE met_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE deadlines`);
  }
}
