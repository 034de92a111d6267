import { Client } from 'pg';
import { FORMS_BY_CATEGORY } from '../../src/domain/codes';
import { rebuildYearStatements } from '../../src/statistics/facts-sql';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/auth/password';
import {
  assigneeSql,
  draw,
  receivedAtSql,
  seedCaseDeadlines,
  seedInterventionDeadlines,
  seedInterventions,
  seedNotifications,
  seedUsers,
  statusSql,
  withoutSecondaryIndexes,
} from './national-backlog';
import { communesPerProvince, NationalOptions, PROVINCE_CODES } from './national-country';

/**
 * Loads the synthetic country straight into the tables with set-based SQL (generate_series),
 * chunk by chunk so a progress bar can follow: areas, population, officers, children, cases, then
 * the statistics facts with the very statements the service uses (facts-sql.ts), one year at a
 * time, and the work the cases left: deadlines, interventions, notifications (national-backlog.ts).
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
  users: number;
  deadlines: number;
  /** Open deadlines of open cases, and those already past due. */
  openDeadlines: number;
  overdueDeadlines: number;
  interventions: number;
  notifications: number;
}

export function seedSteps(options: NationalOptions): number {
  const caseChunks = Math.ceil(options.cases / options.chunk);
  return 2 + 1 + 1 + Math.ceil(childrenCount(options) / options.chunk) + caseChunks * 4 + options.years + 1 + 1;
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
  now: Date,
): Promise<void> {
  const firstDay = `${options.lastYear - options.years + 1}-01-01`;
  const days = Math.round(
    (Date.UTC(options.lastYear + 1, 0, 1) - Date.UTC(options.lastYear - options.years + 1, 0, 1)) / 86_400_000,
  );
  // The backlog's draws are hashes of the case number, not random(): the statistics stay those drawn before.
  const u = (tag: string) => draw(tag, 'x.i::text');
  await client.query(
    `INSERT INTO cases (id, case_number, child_id, category, form, fatal, status, substantiation, received_at, occurred_at, event_date,
                        age_at_event, sex, province_code, area_code, area_path, residence_area_code, residence_area_path,
                        risk_level, assignee_id)
     SELECT x.id, x.case_number, x.child_id, x.category, x.form, x.fatal, x.status, x.substantiation,
            ${receivedAtSql('x.status', u('recent'), u('age'), 'x.received_seeded', '$9::timestamptz')},
            x.occurred_at, x.event_date, x.age_at_event, x.sex, x.province_code, x.area_code, x.area_path,
            x.area_code, x.area_path,
            CASE WHEN x.status = 'received' THEN NULL WHEN ${u('risk')} < 0.5 THEN 'low' WHEN ${u('risk')} < 0.85 THEN 'medium' ELSE 'high' END,
            ${assigneeSql('x.area_code', 'x.province_code', u('assignee'))}
       FROM (
     SELECT i, md5('case/' || i)::uuid AS id, 'NAT-' || lpad(i::text, 8, '0') AS case_number, md5('child/' || k)::uuid AS child_id,
            category, forms[1 + floor(random() * array_length(forms, 1))::int] AS form,
            category = 'injury' AND random() < 0.012 AS fatal,
            ${statusSql('substantiation', draw('status', 'i::text'))} AS status, substantiation,
            occurred_at + random() * interval '36 hours' AS received_seeded, occurred_at, event_date,
            floor(random() * 18)::int AS age_at_event, ${SEX_OF('k')} AS sex, c.province AS province_code,
            c.code AS area_code, c.path AS area_path
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
       JOIN national_communes c ON c.n = ${COMMUNE_OF('k', communes)}
       ) AS x`,
    [
      from,
      to,
      children,
      firstDay,
      days,
      Object.keys(FORMS_BY_CATEGORY.abuse),
      Object.keys(FORMS_BY_CATEGORY.injury),
      Object.keys(FORMS_BY_CATEGORY.child_labour),
      now,
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
  // Compiling each chunk's expressions costs more than it saves here.
  await client.query(`SET jit = off`);
  await client.query(`SELECT setseed(0.4242)`);
  // The moment the backlog is laid out around: open cases' deadlines fall before and after it.
  const now = new Date();
  let step = 0;
  const total = seedSteps(options);
  const tick = (stage: string) => progress(stage, ++step, total);

  const communes = await seedAreas(client);
  tick('areas');
  const populationRows = await seedPopulation(client, options);
  tick('population');
  // Officers nobody can sign in as until an admin gives them a password.
  const users = await seedUsers(client, await hashPassword(randomBytes(24).toString('base64url')));
  tick('officers');
  const children = childrenCount(options);
  for (let from = 0; from < children; from += options.chunk) {
    await seedChildren(client, from, Math.min(children, from + options.chunk) - 1, communes);
    tick('children');
  }
  for (let from = 0; from < options.cases; from += options.chunk) {
    await seedCases(client, from, Math.min(options.cases, from + options.chunk) - 1, children, communes, options, now);
    tick('cases');
  }
  for (let year = options.lastYear - options.years + 1; year <= options.lastYear; year++) {
    for (const { sql, params } of rebuildYearStatements(year)) await client.query(sql, params);
    tick(`facts ${year}`);
  }
  const caseNumber = (n: number) => `NAT-${String(n).padStart(8, '0')}`;
  let deadlines = 0;
  let interventions = 0;
  await client.query(`ANALYZE users, cases`);
  // Built once after the load: the deadlines' and interventions' own indexes, not the case's ones.
  await withoutSecondaryIndexes(client, ['deadlines', 'interventions'], ['interventions_case'], async () => {
    for (const [stage, write] of [
      ['deadlines', (from: string, to: string) => seedCaseDeadlines(client, now, from, to)],
      ['interventions', (from: string, to: string) => seedInterventions(client, now, from, to)],
      ['intervention deadlines', (from: string, to: string) => seedInterventionDeadlines(client, from, to)],
    ] as const) {
      for (let from = 0; from < options.cases; from += options.chunk) {
        const made = await write(caseNumber(from), caseNumber(Math.min(options.cases, from + options.chunk)));
        if (stage === 'interventions') interventions += made;
        else deadlines += made;
        tick(stage);
      }
    }
  });
  await client.query(`ANALYZE deadlines, interventions`);
  const notifications = await seedNotifications(client, now);
  tick('notifications');
  // Fresh statistics for the planner and a visibility map for index-only scans.
  await client.query(
    `VACUUM ANALYZE areas, population, statistics_population, users, children, cases, statistics_facts, statistics_area_counts,
                    deadlines, interventions, notifications`,
  );
  tick('vacuum analyze');
  const [{ facts }] = (await client.query(`SELECT count(*)::int AS facts FROM statistics_facts`)).rows as {
    facts: number;
  }[];
  const [open] = (
    await client.query(
      `SELECT count(*)::int AS "openDeadlines", count(*) FILTER (WHERE due_at < $1)::int AS "overdueDeadlines"
         FROM deadlines WHERE met_at IS NULL AND case_open`,
      [now],
    )
  ).rows as { openDeadlines: number; overdueDeadlines: number }[];
  return {
    provinces: PROVINCE_CODES.length,
    communes,
    populationRows,
    children,
    cases: options.cases,
    facts,
    users,
    deadlines,
    ...open,
    interventions,
    notifications,
  };
}
