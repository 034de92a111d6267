import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics facts: one row per (child, indicator, basis, year, month) in which the child has a
 * qualifying case, holding that month's FIRST qualifying event (date, residence commune and its
 * path, sex, age, form) and whether that month is the child's first such month of its quarter,
 * half and year. A period's count of distinct children is then a plain `count(*)`:
 *   year  → first_in_year rows of the year; H2 → months 7–12 with first_in_half;
 *   Q3    → months 7–9 with first_in_quarter; M08 → month 8.
 * `statistics_area_counts` holds the same counts summed per commune and period, for totals and
 * breakdowns by area. Both are derived from `cases` only (StatisticsFactsService.refreshChildren
 * rewrites a child's rows and applies the net change to the sums, in the transaction that changes
 * its cases), so they have no foreign keys and can be rebuilt at any time.
 */
export class CreateStatisticsFacts1763900006000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE statistics_facts (
        child_id uuid NOT NULL,
        indicator text NOT NULL CHECK (indicator IN ('abuse', 'injury', 'injury_death', 'child_labour')),
        basis text NOT NULL CHECK (basis IN ('substantiated', 'reported')),
        year smallint NOT NULL,
        month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
        event_date date NOT NULL,
        area_code text NOT NULL,
        area_path text NOT NULL,
        sex text NOT NULL,
        age smallint NOT NULL,
        form text NOT NULL,
        first_in_quarter boolean NOT NULL,
        first_in_half boolean NOT NULL,
        first_in_year boolean NOT NULL,
        PRIMARY KEY (child_id, indicator, basis, year, month)
      )`);
    // Every rates query: one indicator, basis and year, an area prefix; the rest is read from the
    // index itself (index-only scans), so a country-wide count never touches the table.
    await db.query(`
      CREATE INDEX statistics_facts_rates ON statistics_facts
        (indicator, basis, year, area_path text_pattern_ops)
        INCLUDE (month, first_in_quarter, first_in_half, first_in_year, sex, age, form)`);

    // The same counts summed per commune and period ('year', 'H1', 'Q3', 'M08'): totals and
    // breakdowns by area read a few thousand rows at most, even for the whole country.
    await db.query(`
      CREATE TABLE statistics_area_counts (
        indicator text NOT NULL,
        basis text NOT NULL,
        year smallint NOT NULL,
        period text NOT NULL,
        area_code text NOT NULL,
        area_path text NOT NULL,
        -- no CHECK (children >= 0): a decrement arrives as a row of −1 before it meets its conflict
        children integer NOT NULL
      ) WITH (fillfactor = 70)`);
    // `children` stays out of the index and pages keep room, so the increments every intake makes
    // are HOT updates: no new index entry per change on these few, often-updated rows.
    await db.query(`
      CREATE UNIQUE INDEX statistics_area_counts_key ON statistics_area_counts
        (indicator, basis, year, period, area_path text_pattern_ops) INCLUDE (area_code)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE statistics_area_counts`);
    await db.query(`DROP TABLE statistics_facts`);
  }
}
