import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/database/free-port';
import { exited, listening, ownDatabaseEnv, run, RunningCommand } from './support/processes';

/**
 * `npm start` as a process manager runs it: one pid, stopped with SIGTERM to that pid. The signal
 * must reach the service, which stops the HTTP server and its embedded PostgreSQL. While it runs,
 * `npm run seed:demo` with the same environment seeds through its embedded server.
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
    expect(await listening(port)).toBe(true);
    expect(await listening(pgPort)).toBe(true);
  });

  it('lets the demo seed, run with the same environment, write through its embedded PostgreSQL', async () => {
    // npm start has just built dist: the seed's own build step is skipped here.
    const seed = run('node', ['dist/scripts/seed-demo.js'], { ...env, DEMO_PASSWORD: 'a-demo-password-for-tests' });
    expect(await exited(seed.child)).toBe(0);
    expect(seed.output()).toContain(`is running (port ${pgPort}`);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo.manager', password: 'a-demo-password-for-tests' }),
    });
    expect(login.status).toBe(200);
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
