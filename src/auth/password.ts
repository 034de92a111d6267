import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { HttpStatus } from '@nestjs/common';
import * as argon2 from 'argon2';
import { ConcurrencyLimit, Saturated } from '../common/concurrency-limit';
import { ProblemException } from '../common/problem';

/** OWASP's minimum argon2id setting (19 MiB, 2 passes, 1 lane): sound and affordable on 2 cores. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

/** A password nobody chose (144 random bits, 24 URL-safe characters): shown or mailed once, then replaced. */
export function generateOneTimePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * One argon2 run per core at a time, a short queue behind them, and a refusal beyond it: a burst
 * of logins (password spraying) cannot take every core and every megabyte of the service.
 */
const ARGON2_CONCURRENCY = availableParallelism();
const ARGON2_MAX_QUEUED = 16 * ARGON2_CONCURRENCY;
const argon2Work = new ConcurrencyLimit(ARGON2_CONCURRENCY, ARGON2_MAX_QUEUED);

export class PasswordWorkBusy extends ProblemException {
  constructor() {
    super(HttpStatus.SERVICE_UNAVAILABLE, 'Too many password checks are under way; try again in a moment', undefined, {
      'Retry-After': '1',
    });
  }
}

async function limited<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await argon2Work.run(work);
  } catch (error) {
    if (error instanceof Saturated) throw new PasswordWorkBusy();
    throw error;
  }
}

export function hashPassword(password: string): Promise<string> {
  return limited(() => argon2.hash(password, ARGON2_OPTIONS));
}

/** A hash of nothing anyone knows, verified against when the username does not exist. */
let decoyHash: Promise<string> | undefined;

/** Constant-work check: an unknown user costs the same argon2 run as a wrong password. */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (!hash) {
    decoyHash ??= argon2.hash('decoy-password-that-nobody-has', ARGON2_OPTIONS);
    const decoy = await decoyHash;
    await limited(() => argon2.verify(decoy, password));
    return false;
  }
  return limited(async () => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  });
}
