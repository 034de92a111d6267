import { Client } from 'pg';
import { FORMS_BY_CATEGORY } from '../../src/domain/codes';
import { rebuildYearStatements } from '../../src/statistics/facts-sql';
import { communesPerProvince, NationalOptions, PROVINCE_CODES } from './national-country';

/**
 * Loads the synthetic country straight into the tables with set-based SQL (generate_series),
 * chunk by chunk so a progress bar can follow: areas, population, children, cases, then the
 * statistics facts with the very statements the service uses (facts-sql.ts), one year at a time.
 * Personal columns hold a fixed ciphertext-shaped placeholder: there is nobody to encrypt.
 */
export type Progress = (stage: string, done: number, total: number) => void;

const PLACEHOLDER = 'v1:synthetic:AAAAAAAAAAAAAAAA:c3ludGhldGljLW5vLXBlcnNvbmFsLWRhdGE';

export interface SeedSummary {
  provinces: number;
  communes: number;
  populationRows: number;
  children: number;
  cases: number;
  facts: number;
}

export function seedSteps(options: NationalOptions): number {
  return (
    2 +
    1 +
    Math.ceil(childrenCount(options) / options.chunk) +
    Math.ceil(options.cases / options.chunk) +
    options.years +
    1
  );
}

function childrenCount(options: NationalOptions): number {
  return Math.round(options.cases * (1 - options.repeatShare));
}

async function seedAreas(client: Client): Promise<number> {
  const codes = [...PROVINCE_CODES];
  await client.query(
    `INSERT INTO areas (code, name, level, parent_code, path)
     SELECT code, 'Tỉnh ' || code || ' (synthetic)', 'province', 'VN', 'VN.' || code FROM unnest($1::text[]) AS code
     ON CONFLICT (code) DO NOTHING`,
    [codes],
  );
  await client.query(
    `INSERT INTO areas (code, name, level, parent_code, path)
     SELECT p.code || lpad(n::text, 3, '0'), 'Xã ' || p.code || lpad(n::text, 3, '0') || ' (synthetic)', 'commune', p.code,
            'VN.' || p.code || '.' || p.code || lpad(n::text, 3, '0')
       FROM unnest($1::text[], $2::int[]) AS p(code, communes), generate_series(1, p.communes) AS n
     ON CONFLICT (code) DO NOTHING`,
    [codes, communesPerProvince()],
  );
  // Numbered communes, so row i of a generated set can pick commune (i × prime) mod count.
  await client.query(`DROP TABLE IF EXISTS national_communes`);
  await client.query(
    `CREATE TEMP TABLE national_communes AS
     SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, code, parent_code AS province, path
       FROM areas WHERE level = 'commune' AND parent_code = ANY($1::text[])`,
    [codes],
  );
  await client.query(`CREATE UNIQUE INDEX ON national_communes (n)`);
  const [{ count }] = (await client.query(`SELECT count(*)::int AS count FROM national_communes`)).rows as {
    count: number;
  }[];
  return count;
}

/** 150–277 children per commune, year, sex and age (about 22 million aged 0–15), for each year of cases. */
async function seedPopulation(client: Client, options: NationalOptions): Promise<number> {
  const result = await client.query(
    `INSERT INTO population (area_code, year, sex, age, count)
     SELECT c.code, y, s, a, 150 + (hashtext(c.code || '/' || y || '/' || s || '/' || a) & 127)
       FROM national_communes c, generate_series($1::int, $2::int) AS y, unnest(ARRAY['male', 'female']) AS s, generate_series(0, 17) AS a
     ON CONFLICT DO NOTHING`,
    [options.lastYear - options.years + 1, options.lastYear],
  );
  return result.rowCount ?? 0;
}

/** Child k lives in commune (k × 7919) mod count; its sex is fixed by k. Cases recompute both from k. */
const COMMUNE_OF = (k: string, communes: number) => `((${k}::bigint * 7919) % ${communes})::int`;
const SEX_OF = (k: string) => `CASE WHEN ${k} % 97 = 0 THEN 'unknown' WHEN ${k} % 2 = 0 THEN 'male' ELSE 'female' END`;

async function seedChildren(client: Client, from: number, to: number, communes: number): Promise<void> {
  await client.query(
    `INSERT INTO children (id, full_name_enc, name_index, match_index, date_of_birth_enc, sex, residence_area_code, address_enc)
     SELECT md5('child/' || k)::uuid, $3, md5('name/' || k), md5('match/' || k), $3, ${SEX_OF('k')}, c.code, $3
       FROM generate_series($1::int, $2::int) AS k
       JOIN national_communes c ON c.n = ${COMMUNE_OF('k', communes)}`,
    [from, to, PLACEHOLDER],
  );
}

async function seedCases(
  client: Client,
  from: number,
  to: number,
  children: number,
  communes: number,
  options: NationalOptions,
): Promise<void> {
  const firstDay = `${options.lastYear - options.years + 1}-01-01`;
  const days = Math.round(
    (Date.UTC(options.lastYear + 1, 0, 1) - Date.UTC(options.lastYear - options.years + 1, 0, 1)) / 86_400_000,
  );
  await client.query(
    `INSERT INTO cases (id, case_number, child_id, category, form, fatal, status, substantiation, received_at, occurred_at, event_date,
                        age_at_event, sex, province_code, area_code, area_path, residence_area_code, residence_area_path)
     SELECT md5('case/' || i)::uuid, 'NAT-' || lpad(i::text, 8, '0'), md5('child/' || k)::uuid, category,
            forms[1 + floor(random() * array_length(forms, 1))::int], category = 'injury' AND random() < 0.012,
            CASE substantiation WHEN 'pending' THEN 'received' ELSE 'closed' END, substantiation,
            occurred_at + random() * interval '36 hours', occurred_at, event_date,
            floor(random() * 18)::int, ${SEX_OF('k')}, c.province, c.code, c.path, c.code, c.path
       FROM (
         SELECT i, k, category, event_date,
                (event_date + random() * interval '23 hours')::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' AS occurred_at,
                CASE WHEN s < 0.5 THEN 'substantiated' WHEN s < 0.8 THEN 'pending' ELSE 'unsubstantiated' END AS substantiation,
                CASE category WHEN 'abuse' THEN $6::text[] WHEN 'injury' THEN $7::text[] ELSE $8::text[] END AS forms
           FROM (
             SELECT i, i % $3::int AS k, random() AS s, $4::date + floor(random() * $5::int)::int AS event_date,
                    CASE WHEN r < 0.6 THEN 'injury' WHEN r < 0.9 THEN 'abuse' ELSE 'child_labour' END AS category
               FROM (SELECT i, random() AS r FROM generate_series($1::int, $2::int) AS i) AS draws
           ) AS drawn
       ) AS s
       JOIN national_communes c ON c.n = ${COMMUNE_OF('k', communes)}`,
    [
      from,
      to,
      children,
      firstDay,
      days,
      Object.keys(FORMS_BY_CATEGORY.abuse),
      Object.keys(FORMS_BY_CATEGORY.injury),
      Object.keys(FORMS_BY_CATEGORY.child_labour),
    ],
  );
}

/** Everything, in order; refuses a database that already holds cases (use a fresh one). */
export async function seedNational(client: Client, options: NationalOptions, progress: Progress): Promise<SeedSummary> {
  const [{ cases: existing }] = (
    await client.query(`SELECT count(*)::int AS cases FROM (SELECT 1 FROM cases LIMIT 1) AS any_case`)
  ).rows as { cases: number }[];
  if (existing)
    throw new Error(
      'this database already holds cases: seed the national data set into a fresh database (DATA_DIR or DATABASE_URL)',
    );
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET work_mem = '256MB'`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SELECT setseed(0.4242)`);
  let step = 0;
  const total = seedSteps(options);
  const tick = (stage: string) => progress(stage, ++step, total);

  const communes = await seedAreas(client);
  tick('areas');
  const populationRows = await seedPopulation(client, options);
  tick('population');
  const children = childrenCount(options);
  for (let from = 0; from < children; from += options.chunk) {
    await seedChildren(client, from, Math.min(children, from + options.chunk) - 1, communes);
    tick('children');
  }
  for (let from = 0; from < options.cases; from += options.chunk) {
    await seedCases(client, from, Math.min(options.cases, from + options.chunk) - 1, children, communes, options);
    tick('cases');
  }
  for (let year = options.lastYear - options.years + 1; year <= options.lastYear; year++) {
    for (const { sql, params } of rebuildYearStatements(year)) await client.query(sql, params);
    tick(`facts ${year}`);
  }
  // Fresh statistics for the planner and a visibility map for index-only scans.
  await client.query(
    `VACUUM ANALYZE areas, population, statistics_population, children, cases, statistics_facts, statistics_area_counts`,
  );
  tick('vacuum analyze');
  const [{ facts }] = (await client.query(`SELECT count(*)::int AS facts FROM statistics_facts`)).rows as {
    facts: number;
  }[];
  return { provinces: PROVINCE_CODES.length, communes, populationRows, children, cases: options.cases, facts };
}
