import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN_WORK = `status NOT IN ('rejected', 'completed', 'prosecuted', 'not_prosecuted')`;

/**
 * Intervention work lists at national scale: a case role's `GET /interventions` is scoped by the
 * case's area, and `?overdue=true` by the case being open. An intervention now carries a copy of
 * its case's area, pending transfer target and open state (as deadlines do since WorkListIndexes),
 * so those lists read one index range of the interventions in the order they show instead of
 * joining every intervention of a province to its case first. Triggers keep the copy: an
 * intervention takes it from its case when written, and a case passes on a change.
 *
 * The agencies' unfiltered list (every status) reads its agency's interventions by due time,
 * with the area at hand to filter on, or by area when the area is small.
 */
export class InterventionsCarryTheirCase1763900019800 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE interventions ADD COLUMN case_area_path text, ADD COLUMN case_transfer_area_path text,
                    ADD COLUMN case_open boolean NOT NULL DEFAULT true`);
    await db.query(`
      UPDATE interventions i SET case_area_path = c.area_path, case_transfer_area_path = c.transfer_area_path,
                                 case_open = c.status <> 'closed'
        FROM cases c WHERE c.id = i.case_id`);
    await db.query(`ALTER TABLE interventions ALTER COLUMN case_area_path SET NOT NULL`);
    await db.query(`
      CREATE FUNCTION interventions_copy_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.case_area_path IS NULL THEN
          SELECT c.area_path, c.transfer_area_path, c.status <> 'closed'
            INTO NEW.case_area_path, NEW.case_transfer_area_path, NEW.case_open
            FROM cases c WHERE c.id = NEW.case_id;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER interventions_copy_case BEFORE INSERT ON interventions
                    FOR EACH ROW EXECUTE FUNCTION interventions_copy_case()`);
    await db.query(`
      CREATE FUNCTION cases_pass_to_interventions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE interventions SET case_area_path = NEW.area_path, case_transfer_area_path = NEW.transfer_area_path,
                                 case_open = NEW.status <> 'closed'
         WHERE case_id = NEW.id;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER cases_pass_to_interventions AFTER UPDATE OF area_path, transfer_area_path, status ON cases
                    FOR EACH ROW WHEN (OLD.area_path IS DISTINCT FROM NEW.area_path
                                       OR OLD.transfer_area_path IS DISTINCT FROM NEW.transfer_area_path
                                       OR OLD.status IS DISTINCT FROM NEW.status)
                    EXECUTE FUNCTION cases_pass_to_interventions()`);

    // Case roles: every intervention of the cases of an area, earliest due first …
    await db.query(
      `CREATE INDEX interventions_case_area_due ON interventions (case_area_path text_pattern_ops, due_at, id)`,
    );
    await db.query(`CREATE INDEX interventions_case_transfer_due ON interventions (case_transfer_area_path text_pattern_ops, due_at, id)
                    WHERE case_transfer_area_path IS NOT NULL`);
    // … across a province, earliest due first with the case's area at hand to filter on (a province
    // holds 1/60 of the country: about 60 entries read a row shown) …
    await db.query(`CREATE INDEX interventions_due_case_area ON interventions (due_at, id)
                    INCLUDE (case_area_path, case_transfer_area_path, case_open, status)`);
    // … and what is overdue: unfinished work of open cases.
    await db.query(`CREATE INDEX interventions_case_area_open_due ON interventions (case_area_path text_pattern_ops, due_at, id)
                    WHERE ${OPEN_WORK} AND case_open`);
    // Agencies, every status: across a province by due time, or by area for a commune's staff.
    await db.query(`CREATE INDEX interventions_agency_due ON interventions (agency, due_at, id) INCLUDE (area_path)`);
    await db.query(
      `CREATE INDEX interventions_agency_area_all_due ON interventions (agency, area_path text_pattern_ops, due_at, id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of [
      'interventions_agency_area_all_due',
      'interventions_agency_due',
      'interventions_case_area_open_due',
      'interventions_due_case_area',
      'interventions_case_transfer_due',
      'interventions_case_area_due',
    ])
      await db.query(`DROP INDEX ${index}`);
    await db.query(`DROP TRIGGER cases_pass_to_interventions ON cases`);
    await db.query(`DROP FUNCTION cases_pass_to_interventions()`);
    await db.query(`DROP TRIGGER interventions_copy_case ON interventions`);
    await db.query(`DROP FUNCTION interventions_copy_case()`);
    await db.query(
      `ALTER TABLE interventions DROP COLUMN case_area_path, DROP COLUMN case_transfer_area_path, DROP COLUMN case_open`,
    );
  }
}
