import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administrative areas as a materialized path of codes (`VN.46.19753`): "inside the caller's area"
 * becomes one indexed prefix predicate. Old codes stay, with a validity period and a successor.
 */
export class CreateAreas1763900000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE areas (
        code text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9-]{1,32}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        level text NOT NULL CHECK (level IN ('country', 'province', 'district', 'commune')),
        parent_code text REFERENCES areas(code),
        path text NOT NULL UNIQUE,
        valid_from date,
        valid_to date,
        successor_code text REFERENCES areas(code),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
        CHECK ((level = 'country') = (parent_code IS NULL))
      )`);
    await db.query(`CREATE INDEX areas_path_prefix ON areas (path text_pattern_ops)`);
    await db.query(`CREATE INDEX areas_parent ON areas (parent_code)`);
    await db.query(`INSERT INTO areas (code, name, level, path) VALUES ('VN', 'Việt Nam', 'country', 'VN')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE areas`);
  }
}
