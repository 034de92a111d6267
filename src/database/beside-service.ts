import { Client } from 'pg';
import { AppConfig } from '../config/config';
import { loadOrCreateSecrets } from '../config/secrets';
import { openDatabase } from './database';
import { EmbeddedPostgresError } from './embedded-postgres';
import { runningPostmaster } from './embedded-postgres-pid';

/**
 * The database a program beside the service works on (a seed, the worker): the tables' owner's
 * connection, and how to let go of it.
 */
export interface SharedDatabase {
  url: string;
  /** True when the program found the embedded server running (npm start) and leaves it running. */
  attached: boolean;
  stop(): Promise<void>;
}

/** The database the service creates on its embedded server (src/database/database.ts). */
const EMBEDDED_DATABASE = 'child_protection';

async function assertOpens(url: string, dir: string, who: string): Promise<void> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${dir} is running, but ${who} cannot connect to it ` +
        `(${error instanceof Error ? error.message : String(error)}). Run ${who} with the same DATA_DIR as ` +
        'npm start (its secrets.json holds the password), once npm start says "Listening on".',
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Where a program beside the service (`who`: "the seed", "the worker") works: DATABASE_URL when
 * set; else the embedded PostgreSQL of the data folder — the one `npm start` runs when it runs
 * (its port read from `postmaster.pid`, its password from `$DATA_DIR/secrets.json`), else one
 * started for the program and stopped after it.
 */
export async function openBesideService(
  config: AppConfig,
  say: (line: string) => void,
  who = 'the seed',
): Promise<SharedDatabase> {
  if (config.databaseUrl) {
    say(`Using the database of DATABASE_URL for ${who}`);
    const database = await openDatabase(config, () => undefined);
    return { url: database.url, attached: false, stop: database.stop };
  }
  const running = runningPostmaster(config.embeddedPgDir);
  if (running) {
    say(
      `The embedded PostgreSQL in ${config.embeddedPgDir} is running (port ${running.port}, pid ${running.pid}): ` +
        `${who} works through it and leaves it running`,
    );
    const { embeddedPgPassword } = loadOrCreateSecrets(config.dataDir);
    const url = `postgres://postgres:${encodeURIComponent(embeddedPgPassword)}@127.0.0.1:${running.port}/${EMBEDDED_DATABASE}`;
    await assertOpens(url, config.embeddedPgDir, who);
    return { url, attached: true, stop: async () => undefined };
  }
  say(`Starting the embedded PostgreSQL in ${config.embeddedPgDir} (port ${config.embeddedPgPort}) for ${who}`);
  try {
    const database = await openDatabase(config, () => undefined);
    return { url: database.url, attached: false, stop: database.stop };
  } catch (error) {
    if (error instanceof EmbeddedPostgresError && error.message.includes('already taken')) {
      throw new EmbeddedPostgresError(
        `Port ${config.embeddedPgPort} is taken, and not by an embedded PostgreSQL of ${config.embeddedPgDir}. ` +
          `If npm start is running, give ${who} the same DATA_DIR, EMBEDDED_PG_DIR and EMBEDDED_PG_PORT as npm start ` +
          '(or the same DATABASE_URL); or stop npm start first.',
      );
    }
    throw error;
  }
}
