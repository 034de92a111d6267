import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { freePort } from '../../src/database/free-port';
import { ensureAppRole } from '../../src/database/app-role';
import { runMigrations } from '../../src/database/migrate';
import { ADMIN_URL_VAR, databaseUrl, TEMPLATE_VAR, TEST_APP_PASSWORD, withAdminClient } from './test-database';

/**
 * Once per run: a real PostgreSQL (DATABASE_URL's server, else an embedded one in a temporary
 * folder), a template database with every migration applied, and its name for the workers.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const parent = mkdtempSync(join(tmpdir(), 'cms-test-'));
    chmodSync(parent, 0o755); // under root the server runs as `postgres`, which must reach the folder
    const dir = join(parent, 'pg');
    const server = await startEmbeddedPostgres({
      dir,
      port: await freePort(),
      password: randomBytes(12).toString('hex'),
      database: 'postgres',
    });
    (globalThis as { cmsTestPostgres?: unknown }).cmsTestPostgres = { ...server, dir };
    serverUrl = server.url;
  }
  const template = `cms_template_${process.pid}`;
  await withAdminClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${template}`);
  });
  await runMigrations(databaseUrl(serverUrl, template));
  // The service runs as a role that owns nothing, as it does on the embedded server; the grants
  // travel with the template into every test database.
  await ensureAppRole(databaseUrl(serverUrl, template), TEST_APP_PASSWORD);
  process.env[ADMIN_URL_VAR] = serverUrl;
  process.env[TEMPLATE_VAR] = template;
}
