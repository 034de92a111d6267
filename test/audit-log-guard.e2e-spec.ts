import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { appRoleUrl } from '../src/database/app-role';
import { auditLogBypasses, enforceAuditLogProtection } from '../src/database/audit-log-guard';
import { createTestDatabase, TEST_APP_PASSWORD } from './setup/test-database';

let database: { url: string; drop(): Promise<void> };
const ownerRole = `cms_owner_${randomBytes(4).toString('hex')}`;
const ownerPassword = 'owner-password-for-tests';

async function asServerOwner(sql: string): Promise<void> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function urlAs(role: string, password: string): string {
  const url = new URL(database.url);
  url.username = role;
  url.password = password;
  return url.toString();
}

beforeAll(async () => {
  database = await createTestDatabase();
  // A plain login role (no superuser) that owns the audit table, as an operator's owner role would.
  await asServerOwner(`CREATE ROLE ${ownerRole} LOGIN PASSWORD '${ownerPassword}'`);
  await asServerOwner(`GRANT CONNECT ON DATABASE ${new URL(database.url).pathname.slice(1)} TO ${ownerRole}`);
  await asServerOwner(`ALTER TABLE audit_log OWNER TO ${ownerRole}`);
});
afterAll(async () => {
  await database.drop();
  await asServerOwner(`DROP ROLE IF EXISTS ${ownerRole}`).catch(() => undefined);
});

describe('the service refuses a database role that could rewrite the audit log', () => {
  it('finds nothing wrong with a role that owns no table', async () => {
    expect(await auditLogBypasses(appRoleUrl(database.url, TEST_APP_PASSWORD))).toEqual([]);
  });

  it('names a superuser', async () => {
    expect(await auditLogBypasses(database.url)).toContain('is a superuser');
  });

  it('names the owner of audit_log, who could disable its triggers', async () => {
    expect(await auditLogBypasses(urlAs(ownerRole, ownerPassword))).toEqual([
      'owns audit_log (and so may disable its triggers)',
    ]);
  });

  it('refuses to start in production, saying to set DATABASE_MIGRATION_URL', async () => {
    const warn = jest.fn();
    await expect(enforceAuditLogProtection(urlAs(ownerRole, ownerPassword), true, warn)).rejects.toThrow(
      /DATABASE_MIGRATION_URL/,
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns once and goes on outside production', async () => {
    const warn = jest.fn();
    await enforceAuditLogProtection(database.url, false, warn);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/DATABASE_MIGRATION_URL/);
  });

  it('starts quietly on the service’s own role, in production too', async () => {
    const warn = jest.fn();
    await enforceAuditLogProtection(appRoleUrl(database.url, TEST_APP_PASSWORD), true, warn);
    expect(warn).not.toHaveBeenCalled();
  });
});
