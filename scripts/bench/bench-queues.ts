/**
 * npm run bench:queues — every work list of every role that opens it all day (provincial and
 * commune officers, commune chairs, each agency of a province), unfiltered and with the filters
 * their screens use, on the national data set of seed:national (2,000,000 cases and the work they
 * left: about 600,000 open deadlines, interventions, inboxes), and one deadline sweep timed
 * directly with the plan of each of its statements. Prints p50/p95/p97.5 of sequential requests
 * after a warm-up and checks the targets: p97.5 ≤ 50 ms for every list, p95 ≤ 200 ms for a sweep,
 * whose plans read index ranges of the deadlines, never the whole table.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_DATABASE=cms_queues npm run bench:queues
 *
 * BENCH_DATABASE keeps the seeded database on that server between runs (it is seeded once, when it
 * holds no cases; drop it when done); without it, a fresh database is seeded and dropped.
 * BENCH_AUTOCANNON=1 adds BENCH_SECONDS (10) of load at BENCH_CONNECTIONS (4) per list.
 * NATIONAL_CASES shrinks the country; BENCH_RUNS (200) and BENCH_SWEEPS (20) set the repetitions.
 */
import autocannon from 'autocannon';
import { Presets, SingleBar } from 'cli-progress';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth/password';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { DeadlineSweep, sweepStatements } from '../../src/notifications/deadline-sweep';
import { DeliveryQueue } from '../../src/notifications/delivery-queue';
import { loadConfig } from '../../src/config/config';
import { AGENCY_ROLES } from '../../src/domain/roles';
import { optionsFromEnv } from '../national/national-country';
import { seedNational, seedSteps } from '../national/national-seed';
import { BenchEnv, login, percentile, startBenchEnv } from './bench-env';
import { benchConditions } from './bench-conditions';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const SWEEPS = Number(process.env.BENCH_SWEEPS ?? 20);
const AUTOCANNON = process.env.BENCH_AUTOCANNON === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const LIST_TARGET_MS = 50;
const LIST_BUDGET_MS = 30_000;
const SWEEP_TARGET_MS = 200;
/** The scheduler's default interval (NOTIFY_SWEEP_SECONDS): what one sweep covers. */
const SWEEP_INTERVAL_MS = 60_000;
const PASSWORD = 'bench-password-123';
const PROVINCE = '46';
const COMMUNE = '46001';

interface Scenario {
  who: string;
  username: string;
  path: string;
}

/** The seeded users (scripts/national/national-backlog.ts names them), one of each role that works cases. */
const PROVINCIAL = `nat.po.${PROVINCE}.1`;
const PEOPLE: { who: string; username: string; lists: string[] }[] = [
  { who: 'provincial officer', username: PROVINCIAL, lists: ['cases', 'deadlines', 'interventions', 'notifications'] },
  {
    who: 'commune officer',
    username: `nat.co.${COMMUNE}`,
    lists: ['cases', 'deadlines', 'interventions', 'notifications'],
  },
  {
    who: 'commune chair',
    username: `nat.chair.${COMMUNE}`,
    lists: ['cases', 'deadlines', 'interventions', 'notifications'],
  },
  ...AGENCY_ROLES.map((agency) => ({
    who: `province ${agency}`,
    username: `nat.${agency}.${PROVINCE}`,
    lists: ['cases', 'interventions', 'notifications'],
  })),
];
/** Each list as it is opened: unfiltered, and with the filters its screens use. */
const VARIANTS: Record<string, string[]> = {
  cases: ['/cases', '/cases?assignee=me', '/cases?status=received'],
  deadlines: ['/deadlines', '/deadlines?overdue=true'],
  interventions: ['/interventions', '/interventions?overdue=true'],
  notifications: ['/notifications', '/notifications?unread=true'],
};
const SCENARIOS: Scenario[] = PEOPLE.flatMap(({ who, username, lists }) =>
  lists.flatMap((list) =>
    VARIANTS[list]
      // An agency's staff are assigned no cases.
      .filter((path) => !(AGENCY_ROLES.some((a) => who.endsWith(a)) && path.includes('assignee=me')))
      .map((path) => ({ who, username, path })),
  ),
);

interface Timing {
  p50: number;
  p95: number;
  p975: number;
  max: number;
}

function summarize(latencies: number[]): Timing {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p975: percentile(sorted, 97.5),
    max: sorted.at(-1) ?? NaN,
  };
}

const ms = (value: number, width = 6) => value.toFixed(1).padStart(width);
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const say = (line = '') => process.stdout.write(`${line}\n`);

async function seedOnce(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'bench-queues-seed' });
  await client.connect();
  try {
    const [{ seeded }] = (await client.query(`SELECT EXISTS (SELECT 1 FROM cases) AS seeded`)).rows as {
      seeded: boolean;
    }[];
    if (seeded) {
      say('national data set: reusing the seeded database');
      return;
    }
    const options = optionsFromEnv();
    const bar = new SingleBar(
      { format: ' seed {bar} {percentage}% | {value}/{total} | {stage}', hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(seedSteps(options), 0, { stage: 'areas' });
    const started = Date.now();
    try {
      await seedNational(client, options, (stage, done) => bar.update(done, { stage }));
    } finally {
      bar.stop();
    }
    say(`national data set seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await client.end();
  }
}

/** What the lists are lists of, counted the slow way once. */
async function describeData(client: Client): Promise<void> {
  const [row] = (
    await client.query(
      `SELECT (SELECT count(*) FROM cases)::int AS cases,
              (SELECT count(*) FROM deadlines)::int AS deadlines,
              (SELECT count(*) FROM deadlines WHERE met_at IS NULL AND case_open)::int AS open,
              (SELECT count(*) FROM deadlines WHERE met_at IS NULL AND case_open AND due_at < now())::int AS overdue,
              (SELECT count(*) FROM deadlines WHERE met_at IS NULL AND case_open AND area_path LIKE $1)::int AS "provinceOpen",
              (SELECT count(*) FROM deadlines WHERE met_at IS NULL AND case_open AND area_path LIKE $1 AND due_at < now())::int AS "provinceOverdue",
              (SELECT count(*) FROM interventions)::int AS interventions,
              (SELECT count(*) FROM interventions WHERE area_path LIKE $1 AND agency = 'police'
                 AND status NOT IN ('rejected', 'completed', 'prosecuted', 'not_prosecuted') AND due_at < now())::int AS "policeOverdue",
              (SELECT count(*) FROM notifications)::int AS notifications,
              (SELECT count(*) FROM notifications n JOIN users u ON u.id = n.recipient_id
                WHERE u.username = $2 AND n.read_at IS NULL)::int AS "provincialUnread",
              (SELECT count(*) FROM cases c JOIN users u ON u.id = c.assignee_id WHERE u.username = $2)::int AS "provincialAssigned",
              (SELECT count(*) FROM cases WHERE status = 'received' AND area_path LIKE $1)::int AS "provinceReceived"`,
      [`VN.${PROVINCE}.%`, PROVINCIAL],
    )
  ).rows as Record<string, number>[];
  const n = (value: number) => value.toLocaleString('en-US');
  say(
    `data: ${n(row.cases)} cases, ${n(row.deadlines)} deadlines (${n(row.open)} open on open cases, ${n(row.overdue)} overdue), ` +
      `${n(row.interventions)} interventions, ${n(row.notifications)} notifications`,
  );
  say(
    `province ${PROVINCE}: ${n(row.provinceOpen)} open deadlines (${n(row.provinceOverdue)} overdue), ${n(row.provinceReceived)} received cases, ` +
      `${n(row.policeOverdue)} overdue police interventions; ${PROVINCIAL}: ${n(row.provincialAssigned)} cases assigned, ` +
      `${n(row.provincialUnread)} unread notifications`,
  );
}

/** The seeded officers cannot sign in: as the tables' owner, the bench gives them its password. */
async function signIn(env: BenchEnv, client: Client): Promise<Map<string, string>> {
  const usernames = [...new Set(SCENARIOS.map((s) => s.username))];
  const updated = await client.query(
    `UPDATE users SET password_hash = $2, must_change_password = false WHERE username = ANY($1)`,
    [usernames, await hashPassword(PASSWORD)],
  );
  if (updated.rowCount !== usernames.length) throw new Error(`the seeded officers ${usernames.join(', ')} are missing`);
  const tokens = new Map<string, string>();
  for (const username of usernames) tokens.set(username, await login(env.baseUrl, username, PASSWORD));
  return tokens;
}

async function timeList(
  baseUrl: string,
  token: string,
  path: string,
): Promise<Timing & { items: number; runs: number }> {
  const call = async () => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { items?: unknown[] };
    if (response.status !== 200 || !Array.isArray(body.items))
      throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
    return body.items.length;
  };
  // A list far over its target would hold the run up for many minutes: each list gets at most
  // LIST_BUDGET_MS of warm-up and timing (the runs it got are printed beside its figures).
  const began = performance.now();
  for (let i = 0; i < 20 && performance.now() - began < LIST_BUDGET_MS / 4; i++) await call();
  const latencies: number[] = [];
  let items = 0;
  for (let i = 0; i < RUNS && (i < 10 || performance.now() - began < LIST_BUDGET_MS); i++) {
    const started = performance.now();
    items = await call();
    latencies.push(performance.now() - started);
  }
  return { ...summarize(latencies), items, runs: latencies.length };
}

async function loadList(baseUrl: string, token: string, path: string): Promise<string> {
  const result = await autocannon({
    url: `${baseUrl}/api/v1${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { authorization: `Bearer ${token}` },
  });
  const failed = result.non2xx + result.errors;
  return `${result.requests.average.toFixed(0).padStart(5)} req/s at ${CONNECTIONS} connections, p50 ${ms(result.latency.p50)} ms, p99 ${ms(result.latency.p99)} ms${failed ? `, ${failed} failed` : ''}`;
}

/** One sweep as the scheduler runs it: the window since the last one, a minute ago. */
async function timeSweeps(env: BenchEnv, owner: Client): Promise<Timing & { made: number }> {
  const db = new DataSource(dataSourceOptions(env.serviceUrl, { extra: { max: 2 } }));
  await db.initialize();
  try {
    // As a service without SMTP_URL or NOTIFY_WEBHOOK_URL sweeps: the inbox only, nothing queued for delivery.
    const inboxOnly = loadConfig({
      JWT_SECRET: 'bench-queues-'.padEnd(40, 'x'),
      PII_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
    });
    const sweep = new DeadlineSweep(db, new DeliveryQueue(inboxOnly));
    const latencies: number[] = [];
    let made = 0;
    for (let i = 0; i < SWEEPS + 2; i++) {
      const now = new Date();
      await owner.query(`UPDATE notification_sweeps SET swept_until = $1 WHERE name = 'deadlines'`, [
        new Date(now.getTime() - SWEEP_INTERVAL_MS),
      ]);
      const started = performance.now();
      const result = await sweep.sweep(now);
      if (i >= 2) latencies.push(performance.now() - started); // the first two warm up
      if (!result.swept) throw new Error('another sweep held the lock');
      made += result.made;
    }
    return { ...summarize(latencies), made };
  } finally {
    await db.destroy();
  }
}

/** The plan of each statement of a sweep (run, then rolled back): index ranges of deadlines only. */
async function explainSweep(owner: Client): Promise<{ ok: boolean; lines: string[] }> {
  const now = new Date();
  const lines: string[] = [];
  let ok = true;
  for (const statement of sweepStatements(now, new Date(now.getTime() - SWEEP_INTERVAL_MS))) {
    await owner.query('BEGIN');
    try {
      const plan = (
        (await owner.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${statement.sql}`, statement.params)).rows as {
          'QUERY PLAN': string;
        }[]
      ).map((row) => row['QUERY PLAN']);
      const onDeadlines = plan.filter((line) => / on deadlines\b/.test(line));
      const seqScan = onDeadlines.some((line) => line.includes('Seq Scan'));
      const indexed = onDeadlines.length > 0 && onDeadlines.every((line) => /Index (Only )?Scan/.test(line));
      ok &&= indexed && !seqScan;
      lines.push(
        `  ${statement.kind.padEnd(21)} ${onDeadlines.map((line) => line.trim().replace(/^->\s*/, '')).join('; ')}`,
      );
    } finally {
      await owner.query('ROLLBACK');
    }
  }
  return { ok, lines };
}

async function main(): Promise<void> {
  say(`bench:queues — ${RUNS} sequential requests per list after 20 to warm up; ${SWEEPS} sweeps`);
  say(benchConditions());
  const env = await startBenchEnv({
    keepDatabase: process.env.BENCH_DATABASE,
    // The bench times the sweep itself: the service's own scheduler would run beside it.
    serviceEnv: { NOTIFY_SWEEP_SECONDS: '0' },
  });
  const owner = new Client({ connectionString: env.databaseUrl, application_name: 'bench-queues' });
  await owner.connect();
  try {
    await seedOnce(env.databaseUrl);
    // As autovacuum leaves them: a migration that rewrote a table (a new column filled in) leaves
    // dead rows that the planner's look at an index's ends would wade through on every list.
    await owner.query(`VACUUM (ANALYZE) interventions, deadlines, cases, notifications`);
    await describeData(owner);
    const tokens = await signIn(env, owner);
    let passed = true;
    say('');
    for (const scenario of SCENARIOS) {
      const token = tokens.get(scenario.username)!;
      const timing = await timeList(env.baseUrl, token, scenario.path);
      const ok = timing.p975 <= LIST_TARGET_MS;
      passed &&= ok;
      say(
        `${`${scenario.who} GET ${scenario.path}`.padEnd(62)} p50 ${ms(timing.p50)} ms  p95 ${ms(timing.p95)} ms  p97.5 ${ms(timing.p975)} ms` +
          `  (≤ ${LIST_TARGET_MS}) ${verdict(ok).padEnd(6)} ${String(timing.items).padStart(3)} items${timing.runs < RUNS ? ` (${timing.runs} runs)` : ''}`,
      );
      if (AUTOCANNON) say(`${''.padEnd(62)} ${await loadList(env.baseUrl, token, scenario.path)}`);
    }
    const sweep = await timeSweeps(env, owner);
    const sweepOk = sweep.p95 <= SWEEP_TARGET_MS;
    const plan = await explainSweep(owner);
    passed &&= sweepOk && plan.ok;
    say(
      `${`deadline sweep (one minute's window, ${sweep.made} made)`.padEnd(62)} p50 ${ms(sweep.p50)} ms  p95 ${ms(sweep.p95)} ms` +
        `  (≤ ${SWEEP_TARGET_MS}) ${verdict(sweepOk)}`,
    );
    say(`sweep plans (deadlines read by index range, no Seq Scan): ${verdict(plan.ok)}`);
    for (const line of plan.lines) say(line);
    say(passed ? 'all targets met' : 'some targets missed');
    if (!passed) process.exitCode = 1;
  } finally {
    await owner.end();
    await env.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:queues failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
