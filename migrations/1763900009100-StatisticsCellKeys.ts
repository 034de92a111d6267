import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cell keys for protected statistics (docs/statistics.md, Protection): every child gets a secret
 * random record key 0–255, fixed when the row is created (existing children get theirs here: a
 * volatile default is evaluated per row). Facts carry their child's key and the per-commune sums keep `key_sum` beside `children`, so the cell
 * key of any table (sum of its children's keys mod 256) costs no extra scan. `random()` is good
 * enough: the keys only need to be unpredictable to readers of published tables, who never see
 * them; no extension is needed.
 */
export class StatisticsCellKeys1763900009100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE children ADD COLUMN record_key smallint NOT NULL DEFAULT (floor(random() * 256))::smallint
        CHECK (record_key BETWEEN 0 AND 255)`);
    await db.query(`ALTER TABLE statistics_facts ADD COLUMN record_key smallint NOT NULL DEFAULT 0`);
    await db.query(`UPDATE statistics_facts f SET record_key = c.record_key FROM children c WHERE c.id = f.child_id`);
    await db.query(`ALTER TABLE statistics_facts ALTER COLUMN record_key DROP DEFAULT`);
    // Breakdowns by sex, age and form sum the keys of the fact rows: keep them index-only scans.
    await db.query(`DROP INDEX statistics_facts_rates`);
    await db.query(`
      CREATE INDEX statistics_facts_rates ON statistics_facts
        (indicator, basis, year, area_path text_pattern_ops)
        INCLUDE (month, first_in_quarter, first_in_half, first_in_year, sex, age, form, record_key)`);
    await db.query(`ALTER TABLE statistics_area_counts ADD COLUMN key_sum bigint NOT NULL DEFAULT 0`);
    await db.query(`
      UPDATE statistics_area_counts counts SET key_sum = sums.key_sum
        FROM (SELECT indicator, basis, year, period, area_path, sum(record_key) AS key_sum
                FROM statistics_facts
                CROSS JOIN LATERAL (VALUES ('M' || lpad(month::text, 2, '0')),
                       (CASE WHEN first_in_quarter THEN 'Q' || ((month - 1) / 3 + 1) END),
                       (CASE WHEN first_in_half THEN 'H' || ((month - 1) / 6 + 1) END),
                       (CASE WHEN first_in_year THEN 'year' END)) AS counted(period)
               WHERE period IS NOT NULL
               GROUP BY 1, 2, 3, 4, 5) AS sums
       WHERE (counts.indicator, counts.basis, counts.year, counts.period, counts.area_path)
           = (sums.indicator, sums.basis, sums.year, sums.period, sums.area_path)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE statistics_area_counts DROP COLUMN key_sum`);
    await db.query(`DROP INDEX statistics_facts_rates`);
    await db.query(`ALTER TABLE statistics_facts DROP COLUMN record_key`);
    await db.query(`
      CREATE INDEX statistics_facts_rates ON statistics_facts
        (indicator, basis, year, area_path text_pattern_ops)
        INCLUDE (month, first_in_quarter, first_in_half, first_in_year, sex, age, form)`);
    await db.query(`ALTER TABLE children DROP COLUMN record_key`);
  }
}
