import { Client } from 'pg';

/**
 * Ways the service's own database role could rewrite the audit log: as a superuser, as the owner
 * of `audit_log` (or a member of the owning role), which may disable its triggers, or by setting
 * `session_replication_role`, which silences triggers. Empty when none holds.
 */
export async function auditLogBypasses(serviceUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: serviceUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ superuser: boolean; owner: boolean; replicationRole: boolean }>(
      `SELECT r.rolsuper AS superuser,
              pg_has_role(current_user, c.relowner, 'MEMBER') AS owner,
              has_parameter_privilege(current_user, 'session_replication_role', 'SET') AS "replicationRole"
         FROM pg_roles r, pg_class c
        WHERE r.rolname = current_user AND c.oid = 'public.audit_log'::regclass`,
    );
    const [role] = rows;
    const found: string[] = [];
    if (role.superuser) found.push('is a superuser');
    if (role.owner) found.push('owns audit_log (and so may disable its triggers)');
    if (role.replicationRole && !role.superuser)
      found.push('may set session_replication_role (which silences triggers)');
    return found;
  } finally {
    await client.end();
  }
}

export class AuditLogUnprotectedError extends Error {
  override name = 'AuditLogUnprotectedError';
}

export function unprotectedMessage(bypasses: string[]): string {
  return (
    `The service's database role ${bypasses.join(', ')}: it could rewrite the audit log. ` +
    'Set DATABASE_URL to a login role that owns no table and DATABASE_MIGRATION_URL to the tables’ owner; ' +
    'migrations then run as the owner, who grants the service role what it needs.'
  );
}

/**
 * In production the service refuses to run on a role that could rewrite the audit log; elsewhere
 * it says so once and goes on (a developer's own server, a superuser's DATABASE_URL).
 */
export async function enforceAuditLogProtection(
  serviceUrl: string,
  production: boolean,
  warn: (message: string) => void,
): Promise<void> {
  const bypasses = await auditLogBypasses(serviceUrl);
  if (!bypasses.length) return;
  if (production) throw new AuditLogUnprotectedError(unprotectedMessage(bypasses));
  warn(`Warning: ${unprotectedMessage(bypasses)}`);
}
