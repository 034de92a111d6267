import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far the deadline sweeps have come: each sweep covers the deadlines that fell due since the
 * last one, so a restart (or a stop of days) picks up where the last sweep ended.
 */
export class CreateNotificationSweeps1763900013100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE notification_sweeps (name text PRIMARY KEY, swept_until timestamptz NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification_sweeps`);
  }
}
