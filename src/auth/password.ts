import * as argon2 from 'argon2';

/** OWASP's minimum argon2id setting (19 MiB, 2 passes, 1 lane): sound and affordable on 2 cores. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** A hash of nothing anyone knows, verified against when the username does not exist. */
let decoyHash: Promise<string> | undefined;

/** Constant-work check: an unknown user costs the same argon2 run as a wrong password. */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (!hash) {
    decoyHash ??= hashPassword('decoy-password-that-nobody-has');
    await argon2.verify(await decoyHash, password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
