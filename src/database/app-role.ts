import { Client } from 'pg';

/** The role the service runs as: it owns nothing, so it cannot drop, alter or disable anything. */
export const APP_ROLE = 'cms_app';

/** The same server and database, as the application role. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  return withUser(ownerUrl, APP_ROLE, password);
}

function withUser(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/**
 * Creates (or updates) the application role and gives it exactly what the service needs: rows in
 * and out of every table, but on the audit log only INSERT and SELECT. The owner of the tables
 * (the role that runs the migrations) could disable the audit log's triggers; this role cannot.
 * Run after the migrations, with the owner's connection; returns the URL the service should use.
 */
export async function ensureAppRole(ownerUrl: string, password: string): Promise<string> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const quoted = client.escapeLiteral(password);
    const exists = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [APP_ROLE]);
    // Roles belong to the server, not the database: concurrent starts may race to create it.
    if (exists.rowCount === 0) {
      await client.query(`CREATE ROLE ${APP_ROLE} LOGIN PASSWORD ${quoted}`).catch((error: { code?: string }) => {
        if (error.code !== '23505' && error.code !== '42710') throw error;
      });
    }
    await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${quoted}`);
    const database = (await client.query(`SELECT current_database() AS name`)).rows[0].name as string;
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${client.escapeIdentifier(database)} TO ${APP_ROLE}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${APP_ROLE}`);
    await client.query(`REVOKE ALL ON schema_migrations FROM ${APP_ROLE}`);
    await client.query(`GRANT SELECT ON schema_migrations TO ${APP_ROLE}`);
  } finally {
    await client.end();
  }
  return appRoleUrl(ownerUrl, password);
}
