import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1763900000100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
        password_hash text NOT NULL,
        full_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'hotline_operator', 'commune_officer', 'commune_chair',
          'provincial_officer', 'police', 'health', 'justice', 'education', 'manager', 'auditor')),
        area_code text NOT NULL REFERENCES areas(code),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_username ON users (username)`);
    // Failed logins per username, kept in the database so every instance enforces the same lockout.
    await db.query(`
      CREATE TABLE login_throttle (
        username text PRIMARY KEY,
        recent_failures timestamptz[] NOT NULL,
        locked_until timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_throttle`);
    await db.query(`DROP TABLE users`);
  }
}
