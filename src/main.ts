import 'reflect-metadata';
import { createApp } from './app.factory';
import { ensureFirstAdmin } from './users/first-admin';
import { ConfigError, loadConfig } from './config/config';
import { DataSource } from 'typeorm';
import { enforceAuditLogProtection } from './database/audit-log-guard';
import { openDatabase } from './database/database';
import { runMigrations } from './database/migrate';

const say = (message: string) => process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, () => undefined);
  say(
    database.embedded
      ? `Embedded PostgreSQL ready in ${config.embeddedPgDir} (port ${config.embeddedPgPort})`
      : 'Using DATABASE_URL',
  );

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
    const applied = await runMigrations(database.url);
    if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);
    const serviceUrl = await database.serviceUrl();
    await enforceAuditLogProtection(serviceUrl, config.nodeEnv === 'production', say);
    app = await createApp(config, serviceUrl);
    const admin = await ensureFirstAdmin(app.get(DataSource), config);
    if (admin?.generatedPassword) {
      say(`\nFirst admin created: username "${admin.username}", password "${admin.generatedPassword}"`);
      say('This password is shown once and works once: the first sign-in must choose a new one (POST /auth/password).');
      say('Then create named users; set ADMIN_PASSWORD to choose the first password instead.\n');
    } else if (admin) say(`First admin created: username "${admin.username}" (password from ADMIN_PASSWORD)`);
    await app.listen({ port: config.port, host: config.host });
    say(`Listening on http://localhost:${config.port}/api/v1 (docs: http://localhost:${config.port}/docs)`);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
