/**
 * Login lockout (README "Privacy and security notes"): after 5 failures for one username within
 * 15 minutes, further attempts get 429 for 15 minutes, even with the right password. The window
 * slides: it holds the times of the recent failures, not a count since some fixed start.
 *
 * Every attempt counts as a failure from the moment it is admitted, before its password is
 * checked, and is withdrawn only when the password proves right. So however many attempts arrive
 * at once, at most 5 are checked before the lock: the 6th finds 5 failures already counted.
 */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCKOUT_MS = 15 * 60 * 1000;

export interface ThrottleState {
  /** Failures (and attempts still being checked) within the last 15 minutes, oldest first. */
  recentFailures: Date[];
  lockedUntil: Date | null;
}

export type Admission = { admitted: true; state: ThrottleState } | { admitted: false; secondsLeft: number };

/** Seconds left on a lock, or 0 when the username may try. */
export function lockSecondsLeft(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
}

const withinWindow = (failures: Date[], now: Date) =>
  failures.filter((at) => now.getTime() - at.getTime() < FAILURE_WINDOW_MS);

/** The state after one more failure at `now`: a lock when it is the fifth within 15 minutes. */
export function afterFailure(state: ThrottleState | undefined, now: Date): ThrottleState {
  const recentFailures = [...withinWindow(state?.recentFailures ?? [], now), now].slice(-MAX_FAILURES);
  return {
    recentFailures,
    lockedUntil: recentFailures.length >= MAX_FAILURES ? new Date(now.getTime() + LOCKOUT_MS) : null,
  };
}

/** A locked username is refused; otherwise the attempt at `now` is counted as a failure until proven right. */
export function admitAttempt(state: ThrottleState | undefined, now: Date): Admission {
  const secondsLeft = lockSecondsLeft(state, now);
  return secondsLeft > 0 ? { admitted: false, secondsLeft } : { admitted: true, state: afterFailure(state, now) };
}

/**
 * The attempt admitted at `attemptAt` had the right password: it no longer counts. The other
 * failures still do, and the lock stands only when they alone earn it.
 */
export function withdrawAttempt(state: ThrottleState, attemptAt: Date, now: Date): ThrottleState {
  const failures = [...state.recentFailures];
  const index = failures.findIndex((at) => at.getTime() === attemptAt.getTime());
  if (index >= 0) failures.splice(index, 1);
  const recentFailures = withinWindow(failures, now);
  return { recentFailures, lockedUntil: recentFailures.length >= MAX_FAILURES ? state.lockedUntil : null };
}
