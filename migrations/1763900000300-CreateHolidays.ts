import { MigrationInterface, QueryRunner } from 'typeorm';
import { VIETNAM_PUBLIC_HOLIDAYS_2025_2026 } from '../src/areas/holidays/vietnam-holidays';

/** Public holidays are data, set by the government each year; 2025 and 2026 are seeded here. */
export class CreateHolidays1763900000300 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE holidays (
        date date PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const holiday of VIETNAM_PUBLIC_HOLIDAYS_2025_2026) {
      await db.query(`INSERT INTO holidays (date, name) VALUES ($1, $2)`, [holiday.date, holiday.name]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE holidays`);
  }
}
