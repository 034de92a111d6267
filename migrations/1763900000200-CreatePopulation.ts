import { MigrationInterface, QueryRunner } from 'typeorm';

/** Children by commune, year, sex and single year of age: the denominators of every rate. */
export class CreatePopulation1763900000200 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE population (
        area_code text NOT NULL REFERENCES areas(code),
        year smallint NOT NULL CHECK (year BETWEEN 1900 AND 2200),
        sex text NOT NULL CHECK (sex IN ('male', 'female')),
        age smallint NOT NULL CHECK (age BETWEEN 0 AND 17),
        count integer NOT NULL CHECK (count >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (area_code, year, sex, age)
      )`);
    await db.query(`CREATE INDEX population_year ON population (year)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE population`);
  }
}
