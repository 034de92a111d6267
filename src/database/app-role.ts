import { Client } from 'pg';

/** The role the service runs as on the embedded server: it owns nothing, so it cannot drop, alter or disable anything. */
export const APP_ROLE = 'cms_app';

/** The same server and database, as the application role. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const parsed = new URL(ownerUrl);
  parsed.username = APP_ROLE;
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

async function asOwner<T>(ownerUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Gives `role` exactly what the service needs: rows in and out of every table, but on the audit
 * log only INSERT and SELECT, and nothing on the migrations' bookkeeping but reading it. Run with
 * the owner's connection after every migration run, so new tables are covered.
 */
async function grantServicePrivileges(client: Client, role: string): Promise<void> {
  const who = client.escapeIdentifier(role);
  const database = (await client.query(`SELECT current_database() AS name`)).rows[0].name as string;
  await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${client.escapeIdentifier(database)} TO ${who}`);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${who}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${who}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${who}`);
  await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${who}`);
  await client.query(`REVOKE ALL ON schema_migrations FROM ${who}`);
  await client.query(`GRANT SELECT ON schema_migrations TO ${who}`);
}

/**
 * Creates (or updates) the application role on a server the service runs itself (embedded, tests)
 * and grants it the service's privileges. The owner of the tables — the role that runs the
 * migrations — could disable the audit log's triggers; this role cannot. Returns its URL.
 */
export async function ensureAppRole(ownerUrl: string, password: string): Promise<string> {
  await asOwner(ownerUrl, async (client) => {
    const quoted = client.escapeLiteral(password);
    const exists = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [APP_ROLE]);
    // Roles belong to the server, not the database: concurrent starts may race to create it.
    if (exists.rowCount === 0) {
      await client.query(`CREATE ROLE ${APP_ROLE} LOGIN PASSWORD ${quoted}`).catch((error: { code?: string }) => {
        if (error.code !== '23505' && error.code !== '42710') throw error;
      });
    }
    await client.query(
      `ALTER ROLE ${APP_ROLE} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${quoted}`,
    );
    await grantServicePrivileges(client, APP_ROLE);
  });
  return appRoleUrl(ownerUrl, password);
}

/**
 * With DATABASE_MIGRATION_URL (the owner) beside DATABASE_URL (the service's own role, created by
 * the operator): grant that role the service's privileges after the migrations.
 */
export async function grantToServiceRole(ownerUrl: string, serviceUrl: string): Promise<void> {
  const role = decodeURIComponent(new URL(serviceUrl).username);
  await asOwner(ownerUrl, (client) => grantServicePrivileges(client, role));
}
