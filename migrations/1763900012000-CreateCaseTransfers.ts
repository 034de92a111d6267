import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contract v1.1: a case moves to another commune (the child moved, communes merged) by a transfer
 * the target commune accepts or rejects. `cases.transfer_area_path` is the pending transfer's
 * target, read by the access rules (the target's case roles read the case while it is pending);
 * at most one transfer of a case is pending.
 */
export class CreateCaseTransfers1763900012000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_transfers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        from_area_code text NOT NULL REFERENCES areas(code),
        to_area_code text NOT NULL REFERENCES areas(code),
        reason_enc text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
        requested_at timestamptz NOT NULL DEFAULT now(),
        requested_by uuid NOT NULL REFERENCES users(id),
        decided_at timestamptz,
        decided_by uuid REFERENCES users(id),
        decision_reason_enc text
      )`);
    await db.query(
      `CREATE UNIQUE INDEX case_transfers_one_pending ON case_transfers (case_id) WHERE status = 'pending'`,
    );
    await db.query(`CREATE INDEX case_transfers_case ON case_transfers (case_id, requested_at)`);
    await db.query(`ALTER TABLE cases ADD COLUMN transfer_area_path text`);
    await db.query(
      `CREATE INDEX cases_transfer_area_path ON cases (transfer_area_path text_pattern_ops) WHERE transfer_area_path IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases DROP COLUMN transfer_area_path`);
    await db.query(`DROP TABLE case_transfers`);
  }
}
