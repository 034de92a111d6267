import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only access and change log. The database itself refuses UPDATE, DELETE and TRUNCATE,
 * whoever asks, the application's own role included; rows are small (ids and codes, never bodies).
 */
export class CreateAuditLog1763900000400 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        user_id uuid,
        username text,
        role text,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text,
        case_id uuid,
        request_id text,
        details jsonb
      )`);
    await db.query(`CREATE INDEX audit_log_at ON audit_log USING brin (at)`);
    await db.query(`CREATE INDEX audit_log_case ON audit_log (case_id, id) WHERE case_id IS NOT NULL`);
    await db.query(`CREATE INDEX audit_log_username ON audit_log (username, id)`);
    await db.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
    await db.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP FUNCTION audit_log_is_append_only()`);
  }
}
