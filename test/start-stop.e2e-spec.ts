import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/database/free-port';
import { exited, listening, ownDatabaseEnv, run, RunningCommand } from './support/processes';
import { startWebhookReceiver } from './support/receivers';
import { reportBody } from './support/world';

/**
 * `npm start` as a process manager runs it: one pid, stopped with SIGTERM to that pid. The signal
 * must reach the service, which stops the HTTP server and its embedded PostgreSQL. While it runs,
 * `npm run seed:demo` with the same environment seeds through its embedded server, and the worker
 * (`npm run worker`, here with the service's own worker off) sweeps and delivers through it.
 */
describe('npm start under a process manager', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cms-start-'));
  let port: number;
  let pgPort: number;
  let env: NodeJS.ProcessEnv;
  let npm: RunningCommand;
  beforeAll(async () => {
    [port, pgPort] = [await freePort(), await freePort()];
    env = ownDatabaseEnv({
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: 'start-stop-test-password',
      WORKER_IN_SERVICE: 'false',
    });
    npm = run('npm', ['start'], env);
    await npm.waitFor('Listening on', 150_000);
  }, 160_000);
  afterAll(() => {
    // Whatever the outcome, nothing of this start outlives the test (its own process group).
    try {
      process.kill(-npm.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says in plain lines what it opened, and where it listens', async () => {
    const output = npm.output();
    expect(output).toContain(`Starting the embedded PostgreSQL in ${join(dataDir, 'postgres')} (port ${pgPort}`);
    expect(output).toMatch(/Applied \d+ migrations/);
    expect(output).toContain(`Listening on http://localhost:${port}/api/v1`);
    expect(output).toContain('Worker off here (WORKER_IN_SERVICE=false): run it with npm run worker');
    expect(await listening(port)).toBe(true);
    expect(await listening(pgPort)).toBe(true);
  });

  /** The demo seed, run once with the start's environment (the worker's test signs in as its users). */
  let seeding: Promise<{ code: number | null; output: string }> | undefined;
  const seedDemo = () =>
    (seeding ??= (async () => {
      // npm start has just built dist: the seed's own build step is skipped here.
      const seed = run('node', ['dist/scripts/seed-demo.js'], { ...env, DEMO_PASSWORD: 'a-demo-password-for-tests' });
      const code = await exited(seed.child);
      return { code, output: seed.output() };
    })());

  it('lets the demo seed, run with the same environment, write through its embedded PostgreSQL', async () => {
    const seed = await seedDemo();
    expect(seed.code).toBe(0);
    expect(seed.output).toContain(`is running (port ${pgPort}`);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo.manager', password: 'a-demo-password-for-tests' }),
    });
    expect(login.status).toBe(200);
  }, 60_000);

  it('runs the worker alone beside it: it sweeps the deadlines and delivers to the webhook, and stops on SIGTERM', async () => {
    expect((await seedDemo()).code).toBe(0);
    const receiver = await startWebhookReceiver();
    const signIn = async (username: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'a-demo-password-for-tests' }),
      });
      return ((await response.json()) as { accessToken: string }).accessToken;
    };
    const officer = await signIn('demo.commune_officer');
    const me = (await (
      await fetch(`http://127.0.0.1:${port}/api/v1/users/me`, { headers: { authorization: `Bearer ${officer}` } })
    ).json()) as { areaCode: string };
    // Received 10 hours ago: its 12-hour initial assessment falls due in 2 hours, inside the 3-hour warning.
    const report = reportBody({
      receivedAt: new Date(Date.now() - 10 * 3600_000).toISOString(),
      occurredAt: undefined,
      occurredAreaCode: me.areaCode,
    });
    report.children[0].residenceAreaCode = me.areaCode;
    const filed = await fetch(`http://127.0.0.1:${port}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await signIn('demo.hotline_operator')}` },
      body: JSON.stringify(report),
    });
    expect(filed.status).toBe(201);
    const worker = run('node', ['dist/src/worker.js'], {
      ...env,
      NOTIFY_SWEEP_SECONDS: '1',
      NOTIFY_DELIVERY_SECONDS: '1',
      NOTIFY_WEBHOOK_URL: receiver.url,
      NOTIFY_WEBHOOK_SECRET: 'a-webhook-secret-for-tests',
    });
    try {
      const told = () =>
        receiver.accepted().map((hook) => JSON.parse(hook.body) as { kind: string; deadlineKind: string });
      const assessmentTold = () => told().some((item) => item.deadlineKind === 'initial_assessment');
      const started = Date.now();
      while (!assessmentTold() && worker.child.exitCode === null && Date.now() - started < 30_000)
        await new Promise((resolve) => setTimeout(resolve, 250));
      expect(worker.output()).toContain(`is running (port ${pgPort}`);
      expect(worker.output()).toContain('Worker: deadline sweeps every 1 s; notifications delivered by webhook to');
      expect(told()).toContainEqual(
        expect.objectContaining({ kind: 'deadline_approaching', deadlineKind: 'initial_assessment' }),
      );
      worker.child.kill('SIGTERM');
      expect(await exited(worker.child)).toBe(0);
      expect(await listening(pgPort)).toBe(true); // the service's database stays up
    } finally {
      if (worker.child.exitCode === null) process.kill(-worker.child.pid!, 'SIGKILL');
      await receiver.close();
    }
  }, 60_000);

  it('stops the service and its embedded PostgreSQL when npm’s own pid gets SIGTERM', async () => {
    npm.child.kill('SIGTERM');
    expect(await exited(npm.child)).toBe(0);
    // Give a straggler a moment: nothing may still serve afterwards.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await listening(port)).toBe(false);
    expect(await listening(pgPort)).toBe(false);
  }, 30_000);
});
