import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The steps taken on a case (its timeline, with each form's content encrypted) and the agencies'
 * interventions with their status history.
 */
export class CreateWorkflow1763900001300 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        step text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        performed_at timestamptz NOT NULL,
        performed_by uuid NOT NULL REFERENCES users(id),
        role text NOT NULL,
        -- codes only (risk level, substantiation, outcome, measures' agencies and dates)
        facts jsonb NOT NULL DEFAULT '{}',
        -- notes, findings, goals, reasons: encrypted JSON
        content_enc text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX case_steps_case ON case_steps (case_id, performed_at, created_at)`);
    await db.query(`
      CREATE TABLE interventions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        agency text NOT NULL CHECK (agency IN ('police', 'health', 'justice', 'education', 'social')),
        type text NOT NULL,
        area_code text NOT NULL REFERENCES areas(code),
        area_path text NOT NULL,
        status text NOT NULL DEFAULT 'requested',
        due_at timestamptz NOT NULL,
        notes_enc text,
        outcome_enc text,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        -- clock time, not transaction time: a plan's measures keep their order
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX interventions_case ON interventions (case_id)`);
    // Agency scope: "an intervention of my agency whose area lies inside mine".
    await db.query(
      `CREATE INDEX interventions_agency_area ON interventions (agency, area_path text_pattern_ops, case_id)`,
    );
    await db.query(`
      CREATE TABLE intervention_status_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        intervention_id uuid NOT NULL REFERENCES interventions(id),
        from_status text,
        to_status text NOT NULL,
        changed_by uuid NOT NULL REFERENCES users(id),
        role text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX intervention_status_changes_intervention ON intervention_status_changes (intervention_id, id)`,
    );
    await db.query(
      `ALTER TABLE deadlines ADD CONSTRAINT deadlines_intervention FOREIGN KEY (intervention_id) REFERENCES interventions(id)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX deadlines_one_per_intervention ON deadlines (intervention_id) WHERE intervention_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX deadlines_one_per_intervention`);
    await db.query(`ALTER TABLE deadlines DROP CONSTRAINT deadlines_intervention`);
    await db.query(`DROP TABLE intervention_status_changes`);
    await db.query(`DROP TABLE interventions`);
    await db.query(`DROP TABLE case_steps`);
  }
}
