import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { enforceAuditLogProtection } from './database/audit-log-guard';
import { openDatabase } from './database/database';
import { runningPostmaster } from './database/embedded-postgres-pid';
import { runMigrations } from './database/migrate';
import {
  dataFolderLine,
  embeddedStartLine,
  externalDatabaseLine,
  firstAdminBlock,
  listeningLines,
  migrationsLine,
  workerLines,
} from './start-messages';
import { ensureFirstAdmin } from './users/first-admin';

/** Plain lines for the person who started the service; the logs (pino) are for machines. */
const say = (message: string) => process.stdout.write(`${message}\n`);

class AlreadyRunning extends Error {}

async function main(): Promise<void> {
  const config = loadConfig();
  const folder = dataFolderLine(config);
  if (folder) say(folder);
  if (config.databaseUrl) say(externalDatabaseLine(config.databaseUrl));
  else {
    const running = runningPostmaster(config.embeddedPgDir);
    if (running) {
      throw new AlreadyRunning(
        `The embedded PostgreSQL in ${config.embeddedPgDir} is already running (port ${running.port}, pid ${running.pid}): ` +
          'another npm start is using this data folder. Stop it first, or give this start its own DATA_DIR and EMBEDDED_PG_PORT.',
      );
    }
    say(embeddedStartLine(config, !existsSync(join(config.embeddedPgDir, 'PG_VERSION'))));
  }
  const started = Date.now();
  const database = await openDatabase(config, () => undefined);
  if (database.embedded) say(`PostgreSQL ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: stopping`);
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(0);
  };
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    say(migrationsLine(await runMigrations(database.url)));
    const serviceUrl = await database.serviceUrl();
    await enforceAuditLogProtection(serviceUrl, config.nodeEnv === 'production', say);
    app = await createApp(config, serviceUrl);
    const admin = await ensureFirstAdmin(app.get(DataSource), config);
    await app.listen({ port: config.port, host: config.host });
    [...listeningLines(config), ...workerLines(config)].forEach(say);
    const block = firstAdminBlock(admin);
    if (block) say(block);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof AlreadyRunning) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
