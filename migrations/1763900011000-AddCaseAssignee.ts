import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contract v1.1: a case has an assignee, the officer who carries it. `GET /cases?assignee=me` reads
 * the index newest first; intake finds a commune's only active commune officer by the partial index.
 */
export class AddCaseAssignee1763900011000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases ADD COLUMN assignee_id uuid REFERENCES users(id)`);
    await db.query(`CREATE INDEX cases_assignee_received ON cases (assignee_id, received_at)`);
    await db.query(
      `CREATE INDEX users_active_commune_officers ON users (area_code) WHERE active AND role = 'commune_officer'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX users_active_commune_officers`);
    await db.query(`ALTER TABLE cases DROP COLUMN assignee_id`);
  }
}
