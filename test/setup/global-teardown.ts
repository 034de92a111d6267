import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { ADMIN_URL_VAR, TEMPLATE_VAR, withAdminClient } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[ADMIN_URL_VAR];
  const template = process.env[TEMPLATE_VAR];
  const embedded = (globalThis as { cmsTestPostgres?: { stop(): Promise<void>; dir: string } }).cmsTestPostgres;
  if (embedded) {
    await embedded.stop();
    rmSync(dirname(embedded.dir), { recursive: true, force: true });
  } else if (serverUrl && template) {
    // Each test file drops its own database; only the template is ours to remove here.
    await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  }
}
