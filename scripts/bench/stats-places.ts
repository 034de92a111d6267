/**
 * Where bench:stats asks GET /statistics/rates, and the same counts the naive way: COUNT(DISTINCT
 * child) … GROUP BY over the cases table. Each naive query answers `key` (the row's area code, null
 * for a total) and `count`, so its counts can be checked against the endpoint's before timing.
 */
export interface StatsPlace {
  name: string;
  /** The case role that reads this place exactly (its own area). */
  /** The case role that reads the place's exact figures in its own area; none for the country. */
  exactRole: string | null;
  areaCode: string;
  query: string;
  targetP95: number;
  naive: { sql: string; params: unknown[] };
}

/** Injuries in 2025 (reported basis: all but unsubstantiated; children under 16). */
const NAIVE_WHERE = `category = 'injury' AND substantiation <> 'unsubstantiated' AND age_at_event <= 15
                     AND event_date >= '2025-01-01' AND event_date <= '2025-12-31'`;

export const STATS_PLACES: StatsPlace[] = [
  {
    name: 'commune total',
    exactRole: 'commune_officer',
    areaCode: '46001',
    query: 'indicator=injury&year=2025&areaCode=46001',
    targetP95: 50,
    naive: {
      sql: `SELECT NULL AS key, count(DISTINCT child_id) AS count FROM cases WHERE ${NAIVE_WHERE} AND residence_area_path = $1`,
      params: ['VN.46.46001'],
    },
  },
  {
    name: 'province by area',
    exactRole: 'provincial_officer',
    areaCode: '46',
    query: 'indicator=injury&year=2025&areaCode=46&groupBy=area',
    targetP95: 50,
    naive: {
      sql: `SELECT residence_area_code AS key, count(DISTINCT child_id) AS count FROM cases WHERE ${NAIVE_WHERE} AND residence_area_path LIKE $1 GROUP BY 1`,
      params: ['VN.46.%'],
    },
  },
  {
    name: 'country by area',
    exactRole: null, // no case role is placed on the country (provincial officers work a province)
    areaCode: 'VN',
    query: 'indicator=injury&year=2025&groupBy=area',
    targetP95: 150,
    naive: {
      sql: `SELECT split_part(residence_area_path, '.', 2) AS key, count(DISTINCT child_id) AS count FROM cases WHERE ${NAIVE_WHERE} GROUP BY 1`,
      params: [],
    },
  },
];
