import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work lists at national scale (issue 13): every list a provincial officer or an agency opens all
 * day reads one index range in the order it shows, whatever the size of the country.
 *
 * A deadline carries a copy of its case's area, pending transfer target and open/closed state, so
 * `GET /deadlines` and the deadline sweep filter and order on the deadline's own index instead of
 * joining every open deadline to its case first. Triggers keep the copy: a deadline takes it from
 * its case when written, and a case passes on a change of area, transfer target or status.
 */
export class WorkListIndexes1763900014000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE deadlines ADD COLUMN area_path text, ADD COLUMN transfer_area_path text,
                    ADD COLUMN case_open boolean NOT NULL DEFAULT true`);
    await db.query(`
      UPDATE deadlines d SET area_path = c.area_path, transfer_area_path = c.transfer_area_path,
                             case_open = c.status <> 'closed'
        FROM cases c WHERE c.id = d.case_id`);
    await db.query(`ALTER TABLE deadlines ALTER COLUMN area_path SET NOT NULL`);
    // A bulk loader that already wrote the copy (seed:national) is trusted; everyone else gets it from the case.
    await db.query(`
      CREATE FUNCTION deadlines_copy_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.area_path IS NULL THEN
          SELECT c.area_path, c.transfer_area_path, c.status <> 'closed'
            INTO NEW.area_path, NEW.transfer_area_path, NEW.case_open
            FROM cases c WHERE c.id = NEW.case_id;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER deadlines_copy_case BEFORE INSERT ON deadlines
                    FOR EACH ROW EXECUTE FUNCTION deadlines_copy_case()`);
    await db.query(`
      CREATE FUNCTION cases_pass_to_deadlines() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE deadlines SET area_path = NEW.area_path, transfer_area_path = NEW.transfer_area_path,
                             case_open = NEW.status <> 'closed'
         WHERE case_id = NEW.id;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER cases_pass_to_deadlines AFTER UPDATE OF area_path, transfer_area_path, status ON cases
                    FOR EACH ROW WHEN (OLD.area_path IS DISTINCT FROM NEW.area_path
                                       OR OLD.transfer_area_path IS DISTINCT FROM NEW.transfer_area_path
                                       OR OLD.status IS DISTINCT FROM NEW.status)
                    EXECUTE FUNCTION cases_pass_to_deadlines()`);

    // GET /deadlines: the open deadlines of open cases by area, earliest first (a commune reads one
    // range; a province the range of its communes, sorted) …
    await db.query(`CREATE INDEX deadlines_open_area ON deadlines (area_path text_pattern_ops, due_at, id)
                    INCLUDE (case_id, kind, intervention_id) WHERE met_at IS NULL AND case_open`);
    // … and, for wide areas, earliest first across the country with the area at hand to filter on.
    await db.query(`CREATE INDEX deadlines_open_due ON deadlines (due_at, id)
                    INCLUDE (area_path, transfer_area_path, case_id, kind, intervention_id, created_at) WHERE met_at IS NULL AND case_open`);
    await db.query(`CREATE INDEX deadlines_open_transfer ON deadlines (transfer_area_path text_pattern_ops, due_at, id)
                    WHERE met_at IS NULL AND case_open AND transfer_area_path IS NOT NULL`);
    // The sweep reads the open deadlines of open cases by due time: the old index also held those of closed cases.
    await db.query(`DROP INDEX deadlines_open`);

    // Recipients of the sweep's alerts and the referrals: the active staff of an agency (their role).
    await db.query(`CREATE INDEX users_active_role ON users (role, area_code) WHERE active`);

    // GET /interventions?overdue=true for an agency: its unfinished work by due time.
    await db.query(`CREATE INDEX interventions_agency_open_due ON interventions (agency, due_at, id) INCLUDE (area_path)
                    WHERE status NOT IN ('rejected', 'completed', 'prosecuted', 'not_prosecuted')`);
    await db.query(`CREATE INDEX interventions_agency_area_due ON interventions (agency, area_path text_pattern_ops, due_at, id)
                    WHERE status NOT IN ('rejected', 'completed', 'prosecuted', 'not_prosecuted')`);

    // GET /cases?status=… newest first, with the area at hand to filter on; ?assignee=me newest first.
    await db.query(`CREATE INDEX cases_status_received ON cases (status, received_at DESC, id DESC)
                    INCLUDE (area_path, transfer_area_path)`);
    await db.query(`DROP INDEX cases_assignee_received`);
    await db.query(`CREATE INDEX cases_assignee_received ON cases (assignee_id, received_at DESC, id DESC)
                    INCLUDE (area_path, transfer_area_path, status)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX cases_assignee_received`);
    await db.query(`CREATE INDEX cases_assignee_received ON cases (assignee_id, received_at)`);
    await db.query(`DROP INDEX cases_status_received`);
    await db.query(`DROP INDEX users_active_role`);
    await db.query(`DROP INDEX interventions_agency_area_due`);
    await db.query(`DROP INDEX interventions_agency_open_due`);
    await db.query(`CREATE INDEX deadlines_open ON deadlines (due_at) WHERE met_at IS NULL`);
    await db.query(`DROP TRIGGER cases_pass_to_deadlines ON cases`);
    await db.query(`DROP FUNCTION cases_pass_to_deadlines()`);
    await db.query(`DROP TRIGGER deadlines_copy_case ON deadlines`);
    await db.query(`DROP FUNCTION deadlines_copy_case()`);
    await db.query(
      `ALTER TABLE deadlines DROP COLUMN area_path, DROP COLUMN transfer_area_path, DROP COLUMN case_open`,
    );
  }
}
