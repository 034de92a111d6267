/**
 * npm run bench:stats — GET /statistics/rates on a national-scale data set (the synthetic country
 * of seed:national, loaded into a fresh database), against the same counts computed the naive way
 * (COUNT(DISTINCT child) … GROUP BY over the cases table) in the same run on the same machine.
 * Prints p50/p95 per scenario and checks the targets: commune and province p95 ≤ 50 ms, country
 * ≤ 150 ms, each at least 10× faster than the naive SQL. NATIONAL_CASES shrinks the country.
 * Every scenario runs in both protections: `exact` (a case role in its own area) and `protected`
 * (a manager, or `?protection=protected`: the cell-key perturbation on every cell); the country
 * only protected, since no case role is placed on it (provincial officers work a province).
 * Before timing, the endpoint's exact counts must equal the naive SQL's, else the run stops naming them.
 * BENCH_DATABASE=name keeps the seeded database on DATABASE_URL's server for the next run (drop it afterwards);
 * it signs in as ADMIN_USERNAME (default `admin`) with ADMIN_PASSWORD, or sets a password of its own on that user.
 */
import { Presets, SingleBar } from 'cli-progress';
import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { optionsFromEnv } from '../national/national-country';
import { buildKpiFacts } from '../national/national-kpis';
import { seedNational, seedSteps } from '../national/national-seed';
import { BenchAdmin, login, loginFirstTime, percentile, startBenchEnv } from './bench-env';
import { assertSameCounts, resetKeptAdmin } from './stats-agreement';
import { STATS_PLACES, StatsPlace } from './stats-places';
import { benchConditions } from './bench-conditions';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 20);
const PASSWORD = 'bench-password-123';
/** This run's users: a kept database still holds an earlier run's. */
const RUN = randomBytes(3).toString('hex');

interface Scenario extends Omit<StatsPlace, 'exactRole' | 'areaCode'> {
  protection: 'exact' | 'protected';
  user: { role: string; areaCode: string };
}

/** GET /statistics/kpis: a province by commune and the country by province, the year the national seed fills most. */
const KPI_PLACES: { name: string; exactRole: string | null; areaCode: string; query: string; targetP95: number }[] = [
  {
    name: 'KPIs province by area',
    exactRole: 'provincial_officer',
    areaCode: '46',
    query: 'year=2025&areaCode=46&groupBy=area',
    targetP95: 100,
  },
  {
    name: 'KPIs country by province',
    exactRole: null,
    areaCode: 'VN',
    query: 'year=2025&groupBy=area',
    targetP95: 100,
  },
];

/** Each place twice: exact for the case role; protected for a manager (the commune: the officer asking for it). */
const SCENARIOS: Scenario[] = STATS_PLACES.flatMap(({ exactRole, areaCode, ...place }) => [
  ...(exactRole ? [{ ...place, protection: 'exact' as const, user: { role: exactRole, areaCode } }] : []),
  place.name === 'commune total' && exactRole
    ? {
        ...place,
        protection: 'protected' as const,
        user: { role: exactRole, areaCode },
        query: `${place.query}&protection=protected`,
      }
    : { ...place, protection: 'protected' as const, user: { role: 'manager', areaCode } },
]);

interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

function summarize(latencies: number[]): Timing {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), runs: sorted.length };
}

async function timeEndpoint(baseUrl: string, token: string, scenario: Scenario): Promise<Timing & { total: unknown }> {
  const { query } = scenario;
  const call = async () => {
    const response = await fetch(`${baseUrl}/api/v1/statistics/rates?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { total: unknown; protection: string };
    if (response.status !== 200) throw new Error(`GET rates?${query}: ${response.status} ${JSON.stringify(body)}`);
    if (body.protection !== scenario.protection)
      throw new Error(`GET rates?${query}: ${body.protection}, expected ${scenario.protection}`);
    return body;
  };
  for (let i = 0; i < 20; i++) await call();
  const latencies: number[] = [];
  let body: { total: unknown } | undefined;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    body = await call();
    latencies.push(performance.now() - started);
  }
  return { ...summarize(latencies), total: body!.total };
}

async function timeKpis(baseUrl: string, token: string, query: string, protection: string): Promise<Timing> {
  const fetchOnce = async () => {
    const response = await fetch(`${baseUrl}/api/v1/statistics/kpis?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { protection?: string };
    if (response.status !== 200) throw new Error(`GET kpis?${query}: ${response.status} ${JSON.stringify(body)}`);
    if (body.protection !== protection)
      throw new Error(`GET kpis?${query}: ${body.protection}, expected ${protection}`);
  };
  for (let i = 0; i < 20; i++) await fetchOnce();
  const latencies: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fetchOnce();
    latencies.push(performance.now() - started);
  }
  return summarize(latencies);
}

async function timeNaive(pool: Pool, naive: Scenario['naive']): Promise<Timing> {
  for (let i = 0; i < 2; i++) await pool.query(naive.sql, naive.params);
  const latencies: number[] = [];
  for (let i = 0; i < NAIVE_RUNS; i++) {
    const started = performance.now();
    await pool.query(naive.sql, naive.params);
    latencies.push(performance.now() - started);
  }
  return summarize(latencies);
}

async function createUser(baseUrl: string, adminToken: string, role: string, areaCode: string): Promise<string> {
  const username = `bench.${role.replace(/_/g, '-')}.${areaCode}.${RUN}`;
  const response = await fetch(`${baseUrl}/api/v1/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ username, password: PASSWORD, fullName: `Bench ${role}`, role, areaCode }),
  });
  if (response.status !== 201) throw new Error(`creating ${username}: ${response.status} ${await response.text()}`);
  return loginFirstTime(baseUrl, username, PASSWORD);
}

/** Seeds the national data set unless the (kept) database holds it, and its KPI facts unless they are there. */
async function seed(databaseUrl: string, admin: BenchAdmin): Promise<void> {
  const options = optionsFromEnv();
  const client = new Client({ connectionString: databaseUrl, application_name: 'bench-stats-seed' });
  await client.connect();
  const bar = new SingleBar(
    { format: ' seed {bar} {percentage}% | {value}/{total} | {stage}', hideCursor: true },
    Presets.shades_classic,
  );
  try {
    const [{ seeded, withKpis }] = (
      await client.query(
        `SELECT EXISTS (SELECT 1 FROM cases) AS seeded, EXISTS (SELECT 1 FROM kpi_deadline_facts) AS "withKpis"`,
      )
    ).rows as { seeded: boolean; withKpis: boolean }[];
    if (seeded) {
      process.stdout.write('national data set: reusing the seeded database\n');
      // The admin was created by an earlier run (or the database's own): sign in as it.
      await resetKeptAdmin(client, admin);
    } else {
      bar.start(seedSteps(options), 0, { stage: 'areas' });
      const started = Date.now();
      const summary = await seedNational(client, options, (stage, done) => bar.update(done, { stage }));
      bar.stop();
      process.stdout.write(
        `national data set: ${summary.communes} communes, ${summary.cases} cases, ${summary.children} children, ${summary.facts} facts ` +
          `(${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
      );
    }
    if (withKpis) return;
    const kpiStarted = Date.now();
    const kpis = await buildKpiFacts(client);
    process.stdout.write(
      `KPI facts: ${kpis.deadlineFacts} deadlines, ${kpis.childFacts} child periods, ${kpis.sums} area sums ` +
        `(${((Date.now() - kpiStarted) / 1000).toFixed(0)} s)\n`,
    );
  } finally {
    bar.stop();
    await client.end();
  }
}

async function main(): Promise<void> {
  process.stdout.write(`bench:stats — ${RUNS} sequential requests per scenario, ${NAIVE_RUNS} naive queries\n`);
  process.stdout.write(`${benchConditions()}\n`);
  const env = await startBenchEnv({ keepDatabase: process.env.BENCH_DATABASE });
  const pool = new Pool({ connectionString: env.databaseUrl, max: 2 });
  try {
    await seed(env.databaseUrl, env.admin);
    const admin = await login(env.baseUrl, env.admin.username, env.admin.password);
    const lines: string[] = [];
    let passed = true;
    const tokens = new Map<string, string>();
    // Both sides must count the same children before their times are compared: wherever a case
    // role reads the place exactly (nobody reads the whole country exactly).
    for (const place of STATS_PLACES) {
      if (!place.exactRole) continue;
      const who = `${place.exactRole}@${place.areaCode}`;
      if (!tokens.has(who)) tokens.set(who, await createUser(env.baseUrl, admin, place.exactRole, place.areaCode));
      const children = await assertSameCounts(env.baseUrl, tokens.get(who)!, pool, place);
      process.stdout.write(`${place.name}: endpoint and naive SQL both count ${children} children\n`);
    }
    const naiveTimes = new Map<string, Timing>();
    for (const scenario of SCENARIOS) {
      const who = `${scenario.user.role}@${scenario.user.areaCode}`;
      if (!tokens.has(who))
        tokens.set(who, await createUser(env.baseUrl, admin, scenario.user.role, scenario.user.areaCode));
      const service = await timeEndpoint(env.baseUrl, tokens.get(who)!, scenario);
      if (!naiveTimes.has(scenario.name)) naiveTimes.set(scenario.name, await timeNaive(pool, scenario.naive));
      const naive = naiveTimes.get(scenario.name)!;
      const speedup = naive.p95 / service.p95;
      const ok = service.p95 <= scenario.targetP95 && speedup >= 10;
      passed &&= ok;
      lines.push(
        `${`${scenario.name} (${scenario.protection})`.padEnd(30)} endpoint p50 ${service.p50.toFixed(1).padStart(6)} ms  p95 ${service.p95.toFixed(1).padStart(6)} ms (target ≤ ${scenario.targetP95})` +
          `   naive SQL p50 ${naive.p50.toFixed(1).padStart(7)} ms  p95 ${naive.p95.toFixed(1).padStart(7)} ms   ×${speedup.toFixed(0)} at p95 ${ok ? 'ok' : 'MISSED'}`,
      );
      process.stdout.write(`${lines.at(-1)}\n`);
    }
    for (const place of KPI_PLACES) {
      const readers: ['exact' | 'protected', string][] = [
        ...(place.exactRole ? [['exact', place.exactRole] as ['exact', string]] : []),
        ['protected', 'manager'],
      ];
      for (const [protection, role] of readers) {
        const who = `${role}@${place.areaCode}`;
        if (!tokens.has(who)) tokens.set(who, await createUser(env.baseUrl, admin, role, place.areaCode));
        const timing = await timeKpis(env.baseUrl, tokens.get(who)!, place.query, protection);
        const ok = timing.p95 <= place.targetP95;
        passed &&= ok;
        lines.push(
          `${`${place.name} (${protection})`.padEnd(34)} endpoint p50 ${timing.p50.toFixed(1).padStart(6)} ms  p95 ${timing.p95.toFixed(1).padStart(6)} ms (target ≤ ${place.targetP95}) ${ok ? 'ok' : 'MISSED'}`,
        );
        process.stdout.write(`${lines.at(-1)}\n`);
      }
    }
    process.stdout.write(passed ? 'all targets met\n' : 'some targets missed\n');
    if (!passed) process.exitCode = 1;
  } finally {
    await pool.end();
    await env.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:stats failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
