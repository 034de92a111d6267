/**
 * The KPI read model (docs/statistics.md, KPIs; README "Performance indicators"): three fact
 * tables recomputed from the case record for the cases and children a transaction touched, and one
 * table of sums per area (every ancestor of the commune, so any area's figure and its direct
 * sub-areas' are a handful of rows).
 *
 * - `kpi_deadline_facts`: one row per deadline. `counted`: it falls due while the case is open (a
 *   deadline the case was closed before, unmet, no longer applies); `met_on_time`: met by its due
 *   time; `open`: unmet on an open case. Counted in the case's commune (the one managing it) and in
 *   the month of its due time in Asia/Ho_Chi_Minh.
 * - `kpi_case_facts`: one row per case: open or not, and when closed the whole days from receipt.
 * - `kpi_child_facts`: one row per child and period (month, quarter, half, year) of a substantiated
 *   abuse or child-labour case with its event in that period, at the residence of the first such
 *   event (as the rates count children), with `fails_at`: when the child stops counting as
 *   supported in time — never (NULL), the first due time missed, or `-infinity` while no
 *   intervention of those cases is accepted or completed.
 *
 * Nothing here depends on the clock: deadlines due after "now" and children whose `fails_at` lies
 * ahead are corrected at read time from the few fact rows in the future (kpis-repository.ts).
 */

/** Deadline kinds whose misses take a child out of "supported in time" (a separation's end is not service). */
export const SERVICE_DEADLINE_KINDS = [
  'initial_assessment',
  'emergency_response',
  'police_referral',
  'plan_draft',
  'plan_approval',
  'intervention',
] as const;

/** Intervention statuses at or after acceptance: the agency took the work on. */
export const ACCEPTED_INTERVENTION_STATUSES = [
  'accepted',
  'in_progress',
  'completed',
  'investigating',
  'prosecuted',
  'not_prosecuted',
] as const;

export const KPI_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * `$1`: the case ids (or the child ids for child facts) of a refresh; NULL in a rebuild, which takes
 * every row. Two texts rather than one with `$1 IS NULL OR …`, so that a refresh prepared once has
 * one plan, by index, whatever ids it is given.
 */
export type KpiScope = 'rows' | 'all';
type InScope = (column: string) => string;
const IN_SCOPE: Record<KpiScope, InScope> = {
  rows: (column) => `${column} = ANY($1::uuid[])`,
  all: () => `$1::uuid[] IS NULL`,
};

/** The time a closed case was closed: its last step into `closed`. */
const CLOSING = `LEFT JOIN LATERAL (SELECT max(s.performed_at) AS at FROM case_steps s
                   WHERE s.case_id = c.id AND s.to_status = 'closed') closing ON c.status = 'closed'`;

/** A month's periods: the month, its quarter, its half and the year. */
const PERIODS_OF = (month: string) => `(VALUES ('M' || lpad(${month}::text, 2, '0')), ('Q' || ((${month} - 1) / 3 + 1)),
                  ('H' || ((${month} - 1) / 6 + 1)), ('year')) AS p(period)`;

/**
 * The deadline and closing sums are kept by month only (`MONTHLY_MEASURES`): they add up, so a
 * reader adds the months of a quarter, half or year, and each write touches a quarter of the rows.
 * Children are counted once per period, whatever their months: their sums keep every period.
 */
export const MONTHLY_MEASURES = ['due', 'met', 'closed'] as const;
const MONTH_OF = (month: string) => `(VALUES ('M' || lpad(${month}::text, 2, '0'))) AS p(period)`;

const local = (column: string, part: 'year' | 'month') =>
  `extract(${part} FROM ${column} AT TIME ZONE '${KPI_TIME_ZONE}')::smallint`;

const DEADLINE_COLUMNS =
  'deadline_id, case_id, kind, due_at, year, month, area_path, counted, met_on_time, open, record_key';

function freshDeadlines(inScope: InScope): string {
  return `
    SELECT d.id AS deadline_id, d.case_id, d.kind, d.due_at, ${local('d.due_at', 'year')} AS year,
           ${local('d.due_at', 'month')} AS month, c.area_path,
           (d.met_at IS NOT NULL OR c.status <> 'closed' OR coalesce(closing.at, '-infinity') >= d.due_at) AS counted,
           coalesce(d.met_at <= d.due_at, false) AS met_on_time,
           (d.met_at IS NULL AND c.status <> 'closed') AS open,
           d.record_key
      FROM deadlines d JOIN cases c ON c.id = d.case_id ${CLOSING}
     WHERE ${inScope('d.case_id')}`;
}

function deadlineContributions(rows: string, delta: string): string {
  return `
    SELECT m.measure, f.kind, f.year, p.period, -1 AS days, f.area_path, ${delta} AS delta, f.record_key
      FROM ${rows} f
      CROSS JOIN LATERAL (VALUES ('due', f.counted), ('met', f.counted AND f.met_on_time)) AS m(measure, applies)
      CROSS JOIN LATERAL ${MONTH_OF('f.month')}
     WHERE m.applies
    UNION ALL
    SELECT 'open_deadlines', f.kind, 0, 'now', -1, f.area_path, ${delta}, f.record_key FROM ${rows} f WHERE f.open`;
}

const CASE_COLUMNS = 'case_id, area_path, open, closed_year, closed_month, days_to_close, record_key';

function freshCases(inScope: InScope): string {
  return `
    SELECT c.id AS case_id, c.area_path, c.status <> 'closed' AS open,
           ${local('closing.at', 'year')} AS closed_year, ${local('closing.at', 'month')} AS closed_month,
           greatest(floor(extract(epoch FROM closing.at - c.received_at) / 86400), 0)::int AS days_to_close,
           c.record_key
      FROM cases c ${CLOSING}
     WHERE ${inScope('c.id')}`;
}

function caseContributions(rows: string, delta: string): string {
  return `
    SELECT 'open_cases' AS measure, '' AS kind, 0 AS year, 'now' AS period, -1 AS days, f.area_path, ${delta} AS delta, f.record_key
      FROM ${rows} f WHERE f.open
    UNION ALL
    SELECT 'closed', '', f.closed_year, p.period, f.days_to_close, f.area_path, ${delta}, f.record_key
      FROM ${rows} f CROSS JOIN LATERAL ${MONTH_OF('f.closed_month')}
     WHERE f.closed_year IS NOT NULL`;
}

const CHILD_COLUMNS = 'child_id, year, period, area_path, record_key, fails_at';

/**
 * `$2`: accepted intervention statuses, `$3`: the service deadline kinds. Each qualifying case's
 * `fails_at` is computed once, then spread over its month, quarter, half and year.
 */
function freshChildren(inScope: InScope): string {
  return `
    SELECT DISTINCT ON (x.child_id, x.year, x.period) x.child_id, x.year, x.period, x.area_path, x.record_key,
           min(x.fails_at) OVER (PARTITION BY x.child_id, x.year, x.period) AS fails_at
      FROM (
        SELECT q.child_id, extract(year FROM q.event_date)::smallint AS year, p.period, q.area_path, q.record_key,
               q.event_date, q.received_at, q.id, q.fails_at
          FROM (
            SELECT c.id, c.child_id, c.event_date, c.received_at, c.residence_area_path AS area_path, ch.record_key,
                   CASE WHEN EXISTS (SELECT 1 FROM interventions i WHERE i.case_id = c.id AND i.status = ANY($2::text[]))
                        THEN (SELECT min(f.due_at) FROM kpi_deadline_facts f
                               WHERE f.case_id = c.id AND f.counted AND NOT f.met_on_time AND f.kind = ANY($3::text[]))
                        ELSE '-infinity'::timestamptz END AS fails_at
              FROM cases c JOIN children ch ON ch.id = c.child_id
             WHERE ${inScope('c.child_id')} AND c.category IN ('abuse', 'child_labour') AND c.substantiation = 'substantiated'
          ) q
          CROSS JOIN LATERAL ${PERIODS_OF('extract(month FROM q.event_date)::int')}
      ) x
     ORDER BY x.child_id, x.year, x.period, x.event_date, x.received_at, x.id`;
}

function childContributions(rows: string, delta: string): string {
  return `
    SELECT m.measure, '' AS kind, f.year, f.period, -1 AS days, f.area_path, ${delta} AS delta, f.record_key
      FROM ${rows} f
      CROSS JOIN LATERAL (VALUES ('children', true), ('supported', f.fails_at IS NULL)) AS m(measure, applies)
     WHERE m.applies`;
}

/**
 * How many rows each sum is split over. Every intake adds to its country's sums: with one row per
 * sum, concurrent intakes queued on the country's rows until each commit. Each connection writes
 * its own shard (its backend pid), so writers rarely meet; readers add the shards up.
 */
export const KPI_COUNT_SHARDS = 16;
const SHARD = `(pg_backend_pid() % ${KPI_COUNT_SHARDS})::smallint`;

/**
 * Adds contributions (measure, kind, year, period, days, commune path, ±1, record key) to the sums
 * of the commune and every area above it, in key order: every writer takes its rows in the same
 * order (deadlines, then cases, then children, each sorted), so concurrent writers queue instead of
 * deadlocking. `key_sum` moves with `value`, for the cell keys of protected figures.
 */
function addToAreaCounts(contributions: string): string {
  return `
    INSERT INTO kpi_area_counts AS counts (measure, kind, year, period, days, area_code, shard, parent_code, value, key_sum)
    SELECT x.measure, x.kind, x.year, x.period, x.days, a.code, ${SHARD}, a.parent, sum(x.delta), sum(x.delta * x.record_key)
      FROM (${contributions}) AS x
      CROSS JOIN LATERAL (SELECT segments[i] AS code, segments[i - 1] AS parent
                            FROM (SELECT string_to_array(x.area_path, '.') AS segments) s,
                                 generate_series(1, cardinality(s.segments)) AS i) AS a
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(x.delta) <> 0 OR sum(x.delta * x.record_key) <> 0
     ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (measure, kind, year, period, days, area_code, shard)
    DO UPDATE SET value = counts.value + EXCLUDED.value, key_sum = counts.key_sum + EXCLUDED.key_sum`;
}

interface FactTable {
  table: string;
  key: string;
  scopeColumn: string;
  columns: string;
  fresh: (inScope: InScope) => string;
  contributions: (rows: string, delta: string) => string;
}

const TABLES: FactTable[] = [
  {
    table: 'kpi_deadline_facts',
    key: 'deadline_id',
    scopeColumn: 'case_id',
    columns: DEADLINE_COLUMNS,
    fresh: freshDeadlines,
    contributions: deadlineContributions,
  },
  {
    table: 'kpi_case_facts',
    key: 'case_id',
    scopeColumn: 'case_id',
    columns: CASE_COLUMNS,
    fresh: freshCases,
    contributions: caseContributions,
  },
  {
    table: 'kpi_child_facts',
    key: 'child_id, year, period',
    scopeColumn: 'child_id',
    columns: CHILD_COLUMNS,
    fresh: freshChildren,
    contributions: childContributions,
  },
];

/**
 * Rewrites the fact rows in scope and applies the net change to the sums in one statement (every
 * part sees the rows as they were before it): rows that no longer exist are deleted, the others
 * inserted or updated, the sums get +1 for each new row and −1 for each old one.
 */
function replaceSql(t: FactTable, inScope: InScope): string {
  const updates = t.columns
    .split(', ')
    .filter((column) => !t.key.split(', ').includes(column))
    .map((column) => `${column} = EXCLUDED.${column}`)
    .join(', ');
  return `
    WITH fresh AS (${t.fresh(inScope)}),
    old AS (SELECT ${t.columns} FROM ${t.table} WHERE ${inScope(t.scopeColumn)}),
    gone AS (
      DELETE FROM ${t.table} o WHERE ${inScope(`o.${t.scopeColumn}`)}
         AND NOT EXISTS (SELECT 1 FROM fresh WHERE (${t.key}) = (${t.key
           .split(', ')
           .map((column) => `o.${column}`)
           .join(', ')}))
    ),
    saved AS (
      INSERT INTO ${t.table} (${t.columns}) SELECT ${t.columns} FROM fresh
      ON CONFLICT (${t.key}) DO UPDATE SET ${updates}
    )
    ${addToAreaCounts(`${t.contributions('fresh', '1')} UNION ALL ${t.contributions('old', '-1')}`)}`;
}

export interface KpiStatement {
  sql: string;
  /** The fact table the statement writes (a bulk load analyzes it before the next statement reads it). */
  table: string;
  /** Which ids `$1` takes: the cases' or their children's. */
  ids: 'cases' | 'children';
  params: unknown[];
}

/**
 * The three statements that bring the KPI facts of some cases and children up to date (`rows`), or
 * of every case and child (`all`, `$1` NULL), in lock order.
 */
export function refreshKpiStatements(scope: KpiScope): KpiStatement[] {
  return TABLES.map((t) => ({
    sql: replaceSql(t, IN_SCOPE[scope]),
    table: t.table,
    ids: t.scopeColumn === 'child_id' ? 'children' : 'cases',
    params: t.table === 'kpi_child_facts' ? [[...ACCEPTED_INTERVENTION_STATUSES], [...SERVICE_DEADLINE_KINDS]] : [],
  }));
}
