/**
 * Login lockout (API.md): after 5 failures for one username within 15 minutes, further attempts
 * get 429 for 15 minutes, even with the right password. The window slides: it holds the times of
 * the recent failures, not a count since some fixed start.
 */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCKOUT_MS = 15 * 60 * 1000;

export interface ThrottleState {
  /** Failures within the last 15 minutes, oldest first. */
  recentFailures: Date[];
  lockedUntil: Date | null;
}

/** Seconds left on a lock, or 0 when the username may try. */
export function lockSecondsLeft(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
}

/** The state after one more failure at `now`: a lock when it is the fifth within 15 minutes. */
export function afterFailure(state: ThrottleState | undefined, now: Date): ThrottleState {
  const recentFailures = [
    ...(state?.recentFailures ?? []).filter((at) => now.getTime() - at.getTime() < FAILURE_WINDOW_MS),
    now,
  ].slice(-MAX_FAILURES);
  return {
    recentFailures,
    lockedUntil: recentFailures.length >= MAX_FAILURES ? new Date(now.getTime() + LOCKOUT_MS) : null,
  };
}
