import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sweep tells a deadline written already past due (a report entered late) at the next sweep:
 * it finds the open deadlines of open cases written since the last sweep by this index, a range of
 * created_at, as it finds those falling due by deadlines_open_due.
 */
export class DeadlinesOpenWritten1763900019200 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX deadlines_open_written ON deadlines (created_at) INCLUDE (due_at)
                    WHERE met_at IS NULL AND case_open`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX deadlines_open_written`);
  }
}
