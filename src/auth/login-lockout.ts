import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem';
import { admitAttempt, ThrottleState, withdrawAttempt } from './lockout';
import { verifyPassword } from './password';

export class TooManyAttempts extends ProblemException {
  constructor(seconds: number) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      `Too many failed password attempts for this username; try again in ${Math.ceil(seconds / 60)} minute(s)`,
      undefined,
      {
        'Retry-After': String(seconds),
      },
    );
  }
}

export type PasswordCheck = { outcome: 'valid' } | { outcome: 'wrong' } | { outcome: 'locked'; secondsLeft: number };

/**
 * The lockout of `lockout.ts`, kept in `login_throttle` so every instance enforces it. Each check
 * is counted (row locked) before argon2 runs, so concurrent attempts cannot outrun the count.
 */
@Injectable()
export class LoginLockout {
  constructor(private readonly db: DataSource) {}

  /** Checks `password` against `hash` (undefined: no such user) for `username`, counted by the lockout. */
  async check(username: string, hash: string | undefined, password: string): Promise<PasswordCheck> {
    const attemptAt = new Date();
    const admission = await this.update(username, (state) => {
      const result = admitAttempt(state, attemptAt);
      return [result.admitted ? result.state : undefined, result];
    });
    if (!admission.admitted) return { outcome: 'locked', secondsLeft: admission.secondsLeft };
    let valid: boolean;
    try {
      valid = await verifyPassword(hash, password);
    } catch (error) {
      // Not checked (argon2 busy): not a failure of the caller's.
      await this.withdraw(username, attemptAt);
      throw error;
    }
    if (!valid) return { outcome: 'wrong' };
    await this.withdraw(username, attemptAt);
    return { outcome: 'valid' };
  }

  private withdraw(username: string, attemptAt: Date): Promise<void> {
    return this.update(username, (state) => [withdrawAttempt(state, attemptAt, new Date()), undefined]);
  }

  /** Runs `change` on the username's row under a row lock; writes the new state it returns, if any (an empty one is deleted). */
  private update<T>(
    username: string,
    change: (state: ThrottleState) => [next: ThrottleState | undefined, result: T],
  ): Promise<T> {
    return this.db.transaction(async (manager: EntityManager) => {
      // One statement creates the row or locks the existing one, and reads it.
      const [current] = (await manager.query(
        `INSERT INTO login_throttle AS t (username, recent_failures) VALUES ($1, '{}')
         ON CONFLICT (username) DO UPDATE SET username = t.username
         RETURNING recent_failures AS "recentFailures", locked_until AS "lockedUntil"`,
        [username],
      )) as ThrottleState[];
      const [next, result] = change(current);
      if (next && !next.recentFailures.length && !next.lockedUntil) {
        await manager.query(`DELETE FROM login_throttle WHERE username = $1`, [username]);
      } else if (next) {
        await manager.query(`UPDATE login_throttle SET recent_failures = $2, locked_until = $3 WHERE username = $1`, [
          username,
          next.recentFailures,
          next.lockedUntil,
        ]);
      }
      return result;
    });
  }
}
