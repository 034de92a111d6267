import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { createLogger, PinoNestLogger } from './common/logging';
import { ConfigError, loadConfig } from './config/config';
import { loadOrCreateSecrets } from './config/secrets';
import { ensureAppRole, grantToServiceRole } from './database/app-role';
import { openBesideService } from './database/beside-service';
import { runMigrations } from './database/migrate';
import { workerLines } from './start-messages';

const say = (message: string) => process.stdout.write(`${message}\n`);

/**
 * `npm run worker`: the deadline sweeps and the mail and webhook deliveries, without HTTP — for
 * running them apart from the service (start the service with WORKER_IN_SERVICE=false then).
 * Any number of workers and services may run on one database: the sweep runs one at a time, and
 * deliveries are claimed row by row. With DATABASE_URL unset it works on the embedded server
 * of the data folder, the one `npm start` runs (or starts it itself when none runs).
 */
async function main(): Promise<void> {
  const config = { ...loadConfig(), workerInService: true };
  const database = await openBesideService(config, say, 'the worker');
  // Started before the service (or without one): the schema is the worker's to bring up to date.
  if (!database.attached) await runMigrations(database.url);
  let serviceUrl: string;
  if (config.databaseUrl) {
    if (config.databaseMigrationUrl) await grantToServiceRole(config.databaseMigrationUrl, config.databaseUrl);
    serviceUrl = config.databaseUrl;
  } else {
    serviceUrl = await ensureAppRole(database.url, loadOrCreateSecrets(config.dataDir).embeddedAppPassword);
  }
  const logger = createLogger(config.logLevel, config.logFormat);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, serviceUrl), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: stopping the worker`);
    await app.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.init();
  workerLines(config).forEach(say);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
