import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/database/free-port';

/** True while something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/**
 * `npm start` as a process manager runs it: one pid, stopped with SIGTERM to that pid. The signal
 * must reach the service, which stops the HTTP server and its embedded PostgreSQL.
 */
describe('npm start under a process manager', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cms-start-'));
  let stragglers: number | undefined;
  afterAll(() => {
    // Whatever the outcome, nothing of this start outlives the test (its own process group).
    if (stragglers) {
      try {
        process.kill(-stragglers, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops the service and its embedded PostgreSQL when npm’s own pid gets SIGTERM', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      ADMIN_PASSWORD: 'start-stop-test-password',
    };
    delete env.DATABASE_URL;
    delete env.DATABASE_MIGRATION_URL;
    const npm = spawn('npm', ['start'], {
      cwd: join(__dirname, '..'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    stragglers = npm.pid;
    let output = '';
    npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    while (!output.includes('Listening on') && npm.exitCode === null && Date.now() - started < 150_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(output).toContain('Listening on');
    expect(await listening(port)).toBe(true);
    expect(await listening(pgPort)).toBe(true);

    npm.kill('SIGTERM');
    expect(await exited(npm)).toBe(0);
    // Give a straggler a moment: nothing may still serve afterwards.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await listening(port)).toBe(false);
    expect(await listening(pgPort)).toBe(false);
  }, 180_000);
});
