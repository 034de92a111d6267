import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A pg_dump that can dump a server, or why there is none. */
export interface PgDumpFinding {
  binary?: string;
  /**
   * The folder of a machine installation whose server this pg_dump can read, when the suite's
   * server is newer than every pg_dump here: the test then runs on a server started from it.
   */
  serverBin?: string;
  reason: string;
}

const MACHINE_BINARIES = '/usr/lib/postgresql';

/** The server's major version, asked by a child process so a test file can decide at load time. */
function serverMajor(serverUrl: string): number | undefined {
  const script = `const { Client } = require('pg');
    const c = new Client({ connectionString: process.argv[1] });
    c.connect().then(() => c.query('SHOW server_version_num')).then((r) => { process.stdout.write(r.rows[0].server_version_num); return c.end(); });`;
  const run = spawnSync(process.execPath, ['-e', script, serverUrl], { encoding: 'utf8', timeout: 20_000 });
  const number = Number(run.stdout);
  return run.status === 0 && number > 0 ? Math.floor(number / 10_000) : undefined;
}

function dumpMajor(binary: string): number | undefined {
  try {
    const version = execFileSync(binary, ['--version'], { encoding: 'utf8' });
    return Number(/\(PostgreSQL\) (\d+)/.exec(version)?.[1]) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * pg_dump refuses a server newer than itself: the newest pg_dump among PG_DUMP, the machine's
 * PostgreSQL installations and the PATH, when it is at least the server's major version.
 */
export function findPgDump(serverUrl: string): PgDumpFinding {
  const major = serverMajor(serverUrl);
  if (major === undefined) return { reason: 'the server did not say its version' };
  const installed = existsSync(MACHINE_BINARIES)
    ? readdirSync(MACHINE_BINARIES).map((version) => `${MACHINE_BINARIES}/${version}/bin/pg_dump`)
    : [];
  const candidates = [process.env.PG_DUMP, ...installed, 'pg_dump']
    .filter((binary): binary is string => Boolean(binary))
    .map((binary) => ({ binary, major: dumpMajor(binary) }))
    .filter((candidate): candidate is { binary: string; major: number } => candidate.major !== undefined)
    .sort((a, b) => b.major - a.major);
  const best = candidates[0];
  if (best && best.major >= major) return { binary: best.binary, reason: `pg_dump ${best.major}, server ${major}` };
  const own = best && dirname(best.binary);
  if (own && ['initdb', 'pg_ctl', 'postgres'].every((binary) => existsSync(join(own, binary))))
    return {
      binary: best.binary,
      serverBin: own,
      reason: `pg_dump ${best.major} on a PostgreSQL ${best.major} of its own; the suite's server is ${major}`,
    };
  return {
    reason: `SKIPPED: no pg_dump ${major} or newer on this machine (found ${candidates.map((c) => c.major).join(', ') || 'none'}; set PG_DUMP)`,
  };
}

/** `pg_dump --data-only` of a database: its errors fail the caller, nothing is swallowed. */
export function pgDumpData(binary: string, databaseUrl: string): string {
  return execFileSync(binary, ['--data-only', '--dbname', databaseUrl], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
}
