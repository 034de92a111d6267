import { spawn, ChildProcess } from 'node:child_process';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { freePort } from '../../src/database/free-port';

export { freePort };
import { ensureAppRole } from '../../src/database/app-role';
import { runMigrations } from '../../src/database/migrate';

/** The admin a bench signs in as. */
export interface BenchAdmin {
  username: string;
  password: string;
  /** The operator's own ADMIN_PASSWORD (kept as it is), not one of this run. */
  chosen: boolean;
}

/**
 * ADMIN_USERNAME and ADMIN_PASSWORD as the service reads them (a kept database's admin may be
 * named otherwise); without ADMIN_PASSWORD, a password of this run.
 */
export function benchAdmin(env: NodeJS.ProcessEnv = process.env): BenchAdmin {
  const chosen = Boolean(env.ADMIN_PASSWORD);
  return {
    username: env.ADMIN_USERNAME || 'admin',
    password: env.ADMIN_PASSWORD || randomBytes(12).toString('hex'),
    chosen,
  };
}

export interface BenchEnv {
  /** The tables' owner (migrations, seeding). */
  databaseUrl: string;
  /** The service's own role, as the service connects. */
  serviceUrl: string;
  baseUrl: string;
  admin: BenchAdmin;
  stop(): Promise<void>;
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (server.exitCode !== null) throw new Error('the service exited during start');
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the service did not become healthy');
}

export interface BenchEnvOptions {
  /**
   * A database of that name on DATABASE_URL's server, created when missing and kept afterwards,
   * so a slow seed serves several runs (without DATABASE_URL: ignored, a fresh embedded one).
   */
  keepDatabase?: string;
  /** More environment for the service. */
  serviceEnv?: Record<string, string>;
}

/**
 * A fresh database (a new one on DATABASE_URL's server, else an embedded PostgreSQL in a temporary
 * folder), migrated, and the built service started on it as its own process.
 */
export async function startBenchEnv(options: BenchEnvOptions = {}): Promise<BenchEnv> {
  const admin = benchAdmin();
  let databaseUrl: string;
  let stopDatabase: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const keep = options.keepDatabase;
    if (keep && !/^[a-z_][a-z0-9_]{0,62}$/.test(keep)) throw new Error(`not a database name: ${keep}`);
    const name = keep ?? `cms_bench_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount;
    if (!exists) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    stopDatabase = async () => {
      if (keep) return;
      const c = new Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const parent = mkdtempSync(join(tmpdir(), 'cms-bench-'));
    chmodSync(parent, 0o755);
    const pg = await startEmbeddedPostgres({
      dir: join(parent, 'pg'),
      port: await freePort(),
      password: randomBytes(12).toString('hex'),
      database: 'bench',
    });
    databaseUrl = pg.url;
    stopDatabase = async () => {
      await pg.stop();
      rmSync(parent, { recursive: true, force: true });
    };
  }
  await runMigrations(databaseUrl);
  // The service refuses to run as the tables' owner (it could rewrite the audit log): its own role.
  const serviceUrl = await ensureAppRole(databaseUrl, randomBytes(12).toString('hex'));
  const port = await freePort();
  // BENCH_NODE_ARGS, e.g. "--cpu-prof", profiles the service under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, resolve(__dirname, '../../src/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: serviceUrl,
      DATABASE_MIGRATION_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'warn',
      // The bench signs in from one address; the login throttle is not what it measures.
      LOGIN_RATE_LIMIT: '100000',
      ...options.serviceEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server);
  return {
    databaseUrl,
    serviceUrl,
    baseUrl,
    admin,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      await stopDatabase();
    },
  };
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}

/** Signs in a user an admin just created: its one-time password is replaced first, as a person would. */
export async function loginFirstTime(baseUrl: string, username: string, oneTimePassword: string): Promise<string> {
  const newPassword = `${oneTimePassword}-own`;
  const response = await fetch(`${baseUrl}/api/v1/auth/password`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await login(baseUrl, username, oneTimePassword)}`,
    },
    body: JSON.stringify({ currentPassword: oneTimePassword, newPassword }),
  });
  if (response.status !== 204)
    throw new Error(`password change of ${username}: ${response.status} ${await response.text()}`);
  return login(baseUrl, username, newPassword);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
