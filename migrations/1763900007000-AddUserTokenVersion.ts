import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each token carries the version of its user's credentials (`tv`); a password change or a
 * deactivation raises it, and every token signed before is refused from then on.
 */
export class AddUserTokenVersion1763900007000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}
