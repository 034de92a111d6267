import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password set by an admin (a new user, a reset) is one-time: until its user chooses a new one,
 * only `POST /auth/password` answers. Users that exist keep the passwords they have.
 */
export class AddUserMustChangePassword1763900007100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN must_change_password`);
  }
}
