/**
 * npm run bench:intake — POST /reports under load, against the same rows written straight
 * through pg, in one run on one machine. Prints throughput, p50/p99 latency and the ratio.
 */
import autocannon from 'autocannon';
import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { replaceChildrenFactsSql, ruleParameters } from '../../src/statistics/facts-sql';
import { login, loginFirstTime, percentile, startBenchEnv } from './bench-env';
import { benchConditions } from './bench-conditions';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
/**
 * Intakes before the timed run, then ANALYZE: the timed run meets tables with rows and statistics,
 * as autovacuum keeps any live database, not the empty tables of a fresh one (whose plans scan).
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const PROVINCES = Array.from({ length: 10 }, (_, i) => String(10 + i));
const COMMUNES_PER_PROVINCE = 20;

const commune = (i: number) =>
  `${PROVINCES[i % PROVINCES.length]}${String((i % COMMUNES_PER_PROVINCE) + 1).padStart(3, '0')}`;

function report(i: number) {
  const area = commune(i);
  return {
    channel: 'hotline_111',
    category: 'abuse',
    form: i % 5 === 0 ? 'sexual_abuse' : 'violence',
    occurredAreaCode: area,
    description: `Bench synthetic description number ${i} with some length to it, like a real call note.`,
    allegedPerpetrator: i % 3 === 0 ? 'parent' : 'stranger',
    children: [
      {
        fullName: `Trẻ Thử Nghiệm ${i}`,
        dateOfBirth: '2014-05-0' + ((i % 9) + 1),
        sex: i % 2 ? 'male' : 'female',
        residenceAreaCode: area,
        address: `Số ${i} Đường Demo`,
      },
    ],
    reporter: { name: 'Người Gọi Demo', phone: '0900000000', consentToContact: i % 2 === 0 },
  };
}

async function seedAreas(pool: Pool): Promise<void> {
  for (const province of PROVINCES) {
    await pool.query(`INSERT INTO areas (code, name, level, parent_code, path) VALUES ($1, $2, 'province', 'VN', $3)`, [
      province,
      `Tỉnh ${province}`,
      `VN.${province}`,
    ]);
    for (let c = 1; c <= COMMUNES_PER_PROVINCE; c++) {
      const code = `${province}${String(c).padStart(3, '0')}`;
      await pool.query(`INSERT INTO areas (code, name, level, parent_code, path) VALUES ($1, $2, 'commune', $3, $4)`, [
        code,
        `Xã ${code}`,
        province,
        `VN.${province}.${code}`,
      ]);
    }
  }
}

let counter = 0;

async function driveService(baseUrl: string, token: string, seconds = SECONDS) {
  const result = await autocannon({
    url: `${baseUrl}/api/v1/reports`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(report(counter++)) }) }],
  });
  return {
    throughput: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors,
  };
}

/**
 * The rows one intake writes — report, child, numbered case, deadline, link, audit entries,
 * statistics facts — with ciphertext-sized values, in one transaction per report.
 */
async function driveBaseline(pool: Pool, userId: string) {
  const latencies: number[] = [];
  const cipher = () => `v1:abcdefgh:${randomBytes(12).toString('base64url')}:${randomBytes(48).toString('base64url')}`;
  const end = Date.now() + SECONDS * 1000;
  let i = 1_000_000;
  const worker = async () => {
    while (Date.now() < end) {
      const n = i++;
      const area = commune(n);
      const province = PROVINCES[n % PROVINCES.length];
      const started = performance.now();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const [{ id: reportId }] = (
          await client.query(
            `INSERT INTO reports (channel, received_at, category, form, occurred_area_code, description_enc, alleged_perpetrator, reporter_enc, reporter_consent_to_contact, created_by)
           VALUES ('hotline_111', now(), 'abuse', 'violence', $1, $2, 'stranger', $3, true, $4) RETURNING id`,
            [area, cipher(), cipher(), userId],
          )
        ).rows;
        const [{ id: childId }] = (
          await client.query(
            `INSERT INTO children (full_name_enc, name_index, match_index, near_index, date_of_birth_enc, sex, residence_area_code, address_enc)
           VALUES ($1, $2, $3, $4, $5, 'male', $6, $7) ON CONFLICT (match_index) DO NOTHING RETURNING id`,
            [cipher(), randomUUID(), randomUUID(), randomUUID(), cipher(), area, cipher()],
          )
        ).rows;
        const [{ last_value: seq }] = (
          await client.query(
            `INSERT INTO case_number_counters (province_code, year, last_value) VALUES ($1, 2099, 1)
           ON CONFLICT (province_code, year) DO UPDATE SET last_value = case_number_counters.last_value + 1 RETURNING last_value`,
            [province],
          )
        ).rows;
        const [{ id: caseId }] = (
          await client.query(
            `INSERT INTO cases (case_number, child_id, category, form, received_at, event_date, age_at_event, sex, province_code, area_code, area_path, residence_area_code, residence_area_path)
           VALUES ($1, $2, 'abuse', 'violence', now(), current_date, 10, 'male', $3, $4, $5, $4, $5) RETURNING id`,
            [`${province}-2099-${String(seq).padStart(6, '0')}`, childId, province, area, `VN.${province}.${area}`],
          )
        ).rows;
        await client.query(`INSERT INTO case_reports (case_id, report_id) VALUES ($1, $2)`, [caseId, reportId]);
        await client.query(
          `INSERT INTO deadlines (case_id, kind, due_at) VALUES ($1, 'initial_assessment', now() + interval '12 hours')`,
          [caseId],
        );
        await client.query(
          `INSERT INTO audit_log (user_id, action, subject_type, subject_id, case_id) VALUES ($1, 'case.create', 'Case', $2::text, $2::uuid), ($1, 'report.create', 'Report', $3::text, NULL)`,
          [userId, caseId, reportId],
        );
        // The statistics facts of the new child, as the service writes them in the same transaction.
        await client.query(replaceChildrenFactsSql(), [[childId], ...ruleParameters()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  latencies.sort((a, b) => a - b);
  return {
    throughput: latencies.length / SECONDS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ok: latencies.length,
    failed: 0,
  };
}

async function main(): Promise<void> {
  process.stdout.write(`bench:intake — ${CONNECTIONS} connections, ${SECONDS} s each\n`);
  process.stdout.write(`${benchConditions()}\n`);
  const env = await startBenchEnv();
  const pool = new Pool({ connectionString: env.databaseUrl, max: CONNECTIONS });
  try {
    await seedAreas(pool);
    const admin = await login(env.baseUrl, env.admin.username, env.admin.password);
    const created = await fetch(`${env.baseUrl}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({
        username: 'bench.hotline',
        password: 'bench-password-123',
        fullName: 'Bench',
        role: 'hotline_operator',
        areaCode: 'VN',
      }),
    });
    const { id: userId } = (await created.json()) as { id: string };
    const token = await loginFirstTime(env.baseUrl, 'bench.hotline', 'bench-password-123');

    if (WARMUP_SECONDS > 0) {
      const warm = await driveService(env.baseUrl, token, WARMUP_SECONDS);
      await pool.query('ANALYZE');
      process.stdout.write(`warm-up: ${warm.ok} intakes, then ANALYZE\n`);
    }
    const service = await driveService(env.baseUrl, token);
    const baseline = await driveBaseline(pool, userId);
    const row = (name: string, r: typeof service) =>
      `${name.padEnd(26)} ${r.throughput.toFixed(0).padStart(8)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   ok ${r.ok}  failed ${r.failed}`;
    process.stdout.write(`${row('POST /reports (service)', service)}\n`);
    process.stdout.write(`${row('same rows through pg', baseline)}\n`);
    process.stdout.write(
      `ratio service/baseline: ${((100 * service.throughput) / baseline.throughput).toFixed(0)}% (target ≥ 50%), p99 ${service.p99.toFixed(1)} ms (target < 100 ms)\n`,
    );
  } finally {
    await pool.end();
    await env.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:intake failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
