import { basisColumns, indicatorRuleColumns } from './indicators';

/**
 * The fact rows (see the migration CreateStatisticsFacts) computed from `cases` in one statement:
 * every qualifying (case, indicator, basis) — the rule table of indicators.ts joined in as arrays —
 * reduced to the first event of each child's month, then flagged as the first month of its
 * quarter, half and year with one window over the child's months. `$1` selects the cases: the
 * children's (`children`) or one year's (`year`, for rebuilding everything set by set).
 */
export type FactScope = 'children' | 'year';

const CASE_FILTER: Record<FactScope, string> = {
  children: 'c.child_id = ANY($1::uuid[])',
  year: `c.event_date >= make_date($1::int, 1, 1) AND c.event_date < make_date($1::int + 1, 1, 1)`,
};

const FACT_COLUMNS = `child_id, indicator, basis, year, month, event_date, area_code, area_path, sex, age, form,
                      first_in_quarter, first_in_half, first_in_year, record_key`;

function factRowsSql(scope: FactScope): string {
  return `
    SELECT child_id, indicator, basis, year, month, event_date, area_code, area_path, sex, age, form,
           previous_month IS NULL OR (previous_month - 1) / 3 <> (month - 1) / 3 AS first_in_quarter,
           previous_month IS NULL OR (previous_month - 1) / 6 <> (month - 1) / 6 AS first_in_half,
           previous_month IS NULL AS first_in_year, record_key
      FROM (
        SELECT firsts.*, lag(month) OVER (PARTITION BY child_id, indicator, basis, year ORDER BY month) AS previous_month
          FROM (
            SELECT DISTINCT ON (c.child_id, rule.indicator, b.basis, year, month)
                   c.child_id, rule.indicator, b.basis,
                   extract(year FROM c.event_date)::smallint AS year,
                   extract(month FROM c.event_date)::smallint AS month,
                   c.event_date, c.residence_area_code AS area_code, c.residence_area_path AS area_path,
                   c.sex, c.age_at_event AS age, c.form, child.record_key
              FROM cases c
              JOIN children child ON child.id = c.child_id
              JOIN unnest($2::text[], $3::text[], $4::boolean[], $5::int[], $6::int[])
                     AS rule(indicator, category, fatal_only, min_age, max_age)
                ON rule.category = c.category AND (c.fatal OR NOT rule.fatal_only)
               AND c.age_at_event BETWEEN rule.min_age AND rule.max_age
              JOIN unnest($7::text[], $8::text[]) AS b(basis, substantiation) ON b.substantiation = c.substantiation
             WHERE ${CASE_FILTER[scope]}
             ORDER BY c.child_id, rule.indicator, b.basis, year, month, c.event_date, c.received_at, c.id
          ) firsts
      ) flagged`;
}

export function insertFactsSql(scope: FactScope): string {
  return `INSERT INTO statistics_facts (${FACT_COLUMNS}) ${factRowsSql(scope)}`;
}

/** The columns of a fact row that the per-commune sums need. */
const COUNTED_COLUMNS =
  'indicator, basis, year, month, area_code, area_path, first_in_quarter, first_in_half, first_in_year, record_key';

/** The periods a fact row counts in: its month, and its quarter, half and year when it is the child's first there. */
const PERIODS_OF_ROW = `(VALUES ('M' || lpad(month::text, 2, '0')),
                 (CASE WHEN first_in_quarter THEN 'Q' || ((month - 1) / 3 + 1) END),
                 (CASE WHEN first_in_half THEN 'H' || ((month - 1) / 6 + 1) END),
                 (CASE WHEN first_in_year THEN 'year' END)) AS counted(period)`;

/**
 * Adds `changes` (fact rows with a `delta` of +1 or −1) to the per-commune sums, in key order so
 * concurrent writers queue instead of deadlocking. `key_sum` moves with `children`: the sum of the
 * counted children's record keys, so a cell's key is `sum(key_sum) mod 256` for any grouping. A
 * change that keeps the count but swaps the children (a merge) still moves the key sum.
 */
function addToAreaCounts(changes: string): string {
  return `
    INSERT INTO statistics_area_counts AS counts (indicator, basis, year, period, area_code, area_path, children, key_sum)
    SELECT indicator, basis, year, period, area_code, area_path, sum(delta), sum(delta * record_key)
      FROM (${changes}) AS changes CROSS JOIN LATERAL ${PERIODS_OF_ROW}
     WHERE period IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(delta) <> 0 OR sum(delta * record_key) <> 0
     ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (indicator, basis, year, period, area_path text_pattern_ops)
    DO UPDATE SET children = counts.children + EXCLUDED.children, key_sum = counts.key_sum + EXCLUDED.key_sum`;
}

/**
 * Rewrites the fact rows of the children `$1` and applies the net change to the per-commune sums,
 * in one statement (every part sees the rows as they were before it): rows that no longer exist
 * are deleted, the others inserted or updated in place, and the sums get +1 for each new row and
 * −1 for each old one.
 */
export function replaceChildrenFactsSql(): string {
  const key = 'child_id, indicator, basis, year, month';
  return `
    WITH fresh AS (${factRowsSql('children')}),
    old AS (SELECT ${COUNTED_COLUMNS} FROM statistics_facts WHERE child_id = ANY($1::uuid[])),
    gone AS (
      DELETE FROM statistics_facts f WHERE f.child_id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM fresh WHERE (${key}) = (f.child_id, f.indicator, f.basis, f.year, f.month))
    ),
    saved AS (
      INSERT INTO statistics_facts (${FACT_COLUMNS}) SELECT ${FACT_COLUMNS} FROM fresh
      ON CONFLICT (${key}) DO UPDATE SET event_date = EXCLUDED.event_date, area_code = EXCLUDED.area_code, area_path = EXCLUDED.area_path,
        sex = EXCLUDED.sex, age = EXCLUDED.age, form = EXCLUDED.form, first_in_quarter = EXCLUDED.first_in_quarter,
        first_in_half = EXCLUDED.first_in_half, first_in_year = EXCLUDED.first_in_year, record_key = EXCLUDED.record_key
    )
    ${addToAreaCounts(`SELECT ${COUNTED_COLUMNS}, 1 AS delta FROM fresh UNION ALL SELECT ${COUNTED_COLUMNS}, -1 FROM old`)}`;
}

/** Recomputes one year's facts and per-commune sums from `cases`, set by set (bulk loads, repairs). */
export function rebuildYearStatements(year: number): { sql: string; params: unknown[] }[] {
  return [
    { sql: `DELETE FROM statistics_facts WHERE year = $1`, params: [year] },
    { sql: `DELETE FROM statistics_area_counts WHERE year = $1`, params: [year] },
    { sql: insertFactsSql('year'), params: [year, ...ruleParameters()] },
    {
      sql: addToAreaCounts(`SELECT ${COUNTED_COLUMNS}, 1 AS delta FROM statistics_facts WHERE year = $1`),
      params: [year],
    },
  ];
}

/** The rule parameters `$2`–`$8` of `insertFactsSql`. */
export function ruleParameters(): unknown[] {
  const rules = indicatorRuleColumns();
  const bases = basisColumns();
  return [
    rules.indicators,
    rules.categories,
    rules.fatalOnly,
    rules.minAges,
    rules.maxAges,
    bases.bases,
    bases.substantiations,
  ];
}
