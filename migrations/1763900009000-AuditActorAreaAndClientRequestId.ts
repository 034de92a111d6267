import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who acted from where: the acting user's area path at the time of the entry, so an auditor of a
 * province reads what its own users did (and, through the case, what was done to its cases); and
 * the X-Request-Id a client sent, kept apart from the server's own request id.
 * Existing rows take their user's current area; the append-only trigger is lifted for that one
 * backfill, inside this migration's transaction, by the tables' owner.
 */
export class AuditActorAreaAndClientRequestId1763900009000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_log ADD COLUMN actor_area_path text, ADD COLUMN client_request_id text`);
    await db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete`);
    await db.query(`
      UPDATE audit_log l SET actor_area_path = a.path
        FROM users u JOIN areas a ON a.code = u.area_code
       WHERE u.id = l.user_id OR (l.user_id IS NULL AND u.username = l.username)`);
    await db.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_log DROP COLUMN actor_area_path, DROP COLUMN client_request_id`);
  }
}
