import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exact statistics only over cases the caller may read (src/statistics/read-scope.ts): the only
 * counted cases a case role may not read are those managed outside the child's residence commune,
 * found by residence and event date in this index of those few cases.
 */
export class CasesResidenceElsewhereIndex1763900019300 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX cases_residence_elsewhere ON cases (residence_area_path text_pattern_ops, event_date)
        WHERE residence_area_path <> area_path`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX cases_residence_elsewhere`);
  }
}
