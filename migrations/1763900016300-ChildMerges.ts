import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contract v1.1: two records of one child are merged, or a near match is judged to be two children.
 * - `children.merged_into`: the record a merged child's cases moved to; the merged record keeps no
 *   blind index for matching (no new report can land on it) and its id answers 404 from then on.
 * - `child_distinct_pairs`: pairs an officer judged to be different children (both directions),
 *   so intake and corrections never list them as possible duplicates again.
 */
export class ChildMerges1763900016300 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE children ADD COLUMN merged_into uuid REFERENCES children(id)`);
    await db.query(`ALTER TABLE children ADD COLUMN merged_at timestamptz`);
    await db.query(`
      CREATE TABLE child_distinct_pairs (
        child_id uuid NOT NULL REFERENCES children(id),
        other_id uuid NOT NULL REFERENCES children(id),
        decided_by uuid NOT NULL REFERENCES users(id),
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (child_id, other_id),
        CHECK (child_id <> other_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE child_distinct_pairs`);
    await db.query(`ALTER TABLE children DROP COLUMN merged_at`);
    await db.query(`ALTER TABLE children DROP COLUMN merged_into`);
  }
}
