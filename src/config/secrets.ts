import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StoredSecrets {
  jwtSecret: string;
  piiEncryptionKey: string;
  /** Password of the embedded PostgreSQL superuser (migrations). */
  embeddedPgPassword: string;
  /** Password of the role the service runs as on the embedded PostgreSQL. */
  embeddedAppPassword: string;
}

export const SECRETS_FILE = 'secrets.json';

function generate(): StoredSecrets {
  return {
    jwtSecret: randomBytes(48).toString('base64url'),
    piiEncryptionKey: randomBytes(32).toString('base64'),
    embeddedPgPassword: randomBytes(24).toString('base64url'),
    embeddedAppPassword: randomBytes(24).toString('base64url'),
  };
}

/**
 * Development convenience: secrets generated on the first start and kept, readable by the owner
 * only, in the data folder so that tokens and encrypted data survive restarts. Losing this file
 * loses the encrypted data, which is why production must supply its own keys.
 */
export function loadOrCreateSecrets(dataDir: string): StoredSecrets {
  return readSecretsFile(dataDir).secrets;
}

/** The secrets of the data folder, and whether this call created the file (a first start). */
export function readSecretsFile(dataDir: string): { secrets: StoredSecrets; created: boolean } {
  const file = join(dataDir, SECRETS_FILE);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredSecrets>;
    const complete = { ...generate(), ...stored };
    if (Object.keys(stored).length !== Object.keys(complete).length) {
      writeFileSync(file, JSON.stringify(complete, null, 2), { mode: 0o600 });
    }
    return { secrets: complete, created: false };
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets = generate();
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return { secrets, created: true };
}
