import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contract v1.1 "More of Decree 56": the rest of Mẫu 01 — where the child is now, the parents or
 * caregivers, the family situation and the actions already taken — kept as one encrypted JSON
 * document per report (personal data: shown like the description, never to agencies). Case
 * meetings, returned plans and extended separations are steps of the case (`case_steps`).
 */
export class ReportSituation1763900016100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE reports ADD COLUMN situation_enc text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE reports DROP COLUMN situation_enc`);
  }
}
