import { MigrationInterface, QueryRunner } from 'typeorm';

/** Contract v1.1: social workers and social protection centres work as an agency role, `social`. */
export class AddSocialRole1763900010000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await db.query(`
      ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'hotline_operator', 'commune_officer',
        'commune_chair', 'provincial_officer', 'police', 'health', 'justice', 'education', 'social', 'manager', 'auditor'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await db.query(`
      ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'hotline_operator', 'commune_officer',
        'commune_chair', 'provincial_officer', 'police', 'health', 'justice', 'education', 'manager', 'auditor'))`);
  }
}
