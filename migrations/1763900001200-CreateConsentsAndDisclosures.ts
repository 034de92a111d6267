import { MigrationInterface, QueryRunner } from 'typeorm';

/** Consents to disclose a child's private information, and every disclosure made (Law 91/2025). */
export class CreateConsentsAndDisclosures1763900001200 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        party text NOT NULL CHECK (party IN ('child', 'guardian')),
        granted boolean NOT NULL,
        recorded_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX consents_case ON consents (case_id, party, recorded_at DESC, created_at DESC)`);
    await db.query(`
      CREATE TABLE disclosures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        recipient_enc text NOT NULL,
        recipient_type text NOT NULL CHECK (recipient_type IN ('state_authority', 'non_state')),
        purpose_enc text NOT NULL,
        legal_basis text,
        disclosed_by uuid NOT NULL REFERENCES users(id),
        disclosed_at timestamptz NOT NULL DEFAULT now(),
        CHECK (recipient_type <> 'state_authority' OR legal_basis IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX disclosures_case ON disclosures (case_id, disclosed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE disclosures`);
    await db.query(`DROP TABLE consents`);
  }
}
