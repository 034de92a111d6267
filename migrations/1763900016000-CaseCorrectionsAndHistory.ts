import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contract v1.1 "Corrections and history".
 * - `cases.occurred_area_code`: where it happened, as corrected; NULL keeps the first report's (as
 *   the case view derived it until now). A transfer does not move it.
 * - `cases.description_enc`: the description as corrected on this case; NULL keeps the first
 *   report's. The report itself stays as filed (its other children's cases share it).
 * - `case_history`: one row per intake, step, assignment, transfer, correction and merge of a case,
 *   written in the transaction of the change. Codes, statuses and times in `changes`; values of
 *   personal fields (names, birth dates, addresses, free text) only in `personal_changes_enc`, and
 *   the reason only in `reason_enc`, both AES-GCM envelopes.
 */
export class CaseCorrectionsAndHistory1763900016000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases ADD COLUMN occurred_area_code text REFERENCES areas(code)`);
    await db.query(`ALTER TABLE cases ADD COLUMN description_enc text`);
    await db.query(`
      CREATE TABLE case_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        -- clock time: several entries of one transaction keep their order
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        user_id uuid REFERENCES users(id),
        username text,
        role text,
        action text NOT NULL,
        reason_enc text,
        changes jsonb NOT NULL DEFAULT '[]',
        personal_changes_enc text
      )`);
    await db.query(`CREATE INDEX case_history_case ON case_history (case_id, at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_history`);
    await db.query(`ALTER TABLE cases DROP COLUMN description_enc`);
    await db.query(`ALTER TABLE cases DROP COLUMN occurred_area_code`);
  }
}
