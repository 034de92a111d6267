import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clarifications of v1.1: the sign-in with a password an admin set says who set it and when.
 * Both are cleared when the user chooses its own.
 */
export class PasswordSetByAdmin1763900019500 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN password_set_by uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN password_set_at timestamptz,
        ADD CONSTRAINT users_password_set_by_with_at CHECK ((password_set_by IS NULL) = (password_set_at IS NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN password_set_by, DROP COLUMN password_set_at`);
  }
}
