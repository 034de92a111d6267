import { DataSource } from 'typeorm';
import { COUNTRY_CODE } from '../domain/area-path';
import { AppConfig } from '../config/config';
import { generateOneTimePassword, hashPassword } from '../auth/password';

export interface FirstAdmin {
  username: string;
  /** Present only when the password was generated and must be shown once. */
  generatedPassword?: string;
}

/**
 * When no user exists, creates the first admin (scope: the whole country) from ADMIN_USERNAME and
 * ADMIN_PASSWORD, or with a generated password the caller prints once. Safe with concurrent starts.
 * The operator chose ADMIN_PASSWORD, so it stays as it is; a generated one is one-time, because it
 * was printed where others may read it (a terminal, a container log) and nobody chose it.
 */
export async function ensureFirstAdmin(db: DataSource, config: AppConfig): Promise<FirstAdmin | undefined> {
  const generatedPassword = config.adminPassword ? undefined : generateOneTimePassword();
  const passwordHash = await hashPassword(config.adminPassword ?? generatedPassword!);
  const created = (await db.query(
    `INSERT INTO users (username, password_hash, must_change_password, full_name, role, area_code)
     SELECT $1, $2, $3, 'System administrator', 'admin', $4
      WHERE NOT EXISTS (SELECT 1 FROM users)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [config.adminUsername.toLowerCase(), passwordHash, generatedPassword !== undefined, COUNTRY_CODE],
  )) as unknown[];
  if (created.length === 0) return undefined;
  await db.query(
    `INSERT INTO audit_log (action, subject_type, subject_id, details) VALUES ('user.create_first_admin', 'User', $1, $2)`,
    [(created[0] as { id: string }).id, JSON.stringify({ role: 'admin' })],
  );
  return { username: config.adminUsername.toLowerCase(), generatedPassword };
}
