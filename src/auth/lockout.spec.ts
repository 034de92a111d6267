import { admitAttempt, afterFailure, lockSecondsLeft, ThrottleState, withdrawAttempt } from './lockout';

const at = (minutes: number) => new Date(Date.UTC(2025, 5, 2, 8, minutes));

function fail(times: number, startMinute = 0, stepMinutes = 1): ThrottleState | undefined {
  let state: ThrottleState | undefined;
  for (let i = 0; i < times; i++) state = afterFailure(state, at(startMinute + i * stepMinutes));
  return state;
}

describe('login lockout', () => {
  it('lets four failures within 15 minutes through without a lock', () => {
    expect(lockSecondsLeft(fail(4), at(4))).toBe(0);
  });

  it('locks the username for 15 minutes at the fifth failure within 15 minutes', () => {
    const state = fail(5);
    expect(lockSecondsLeft(state, at(4))).toBe(15 * 60);
    expect(lockSecondsLeft(state, at(18))).toBe(60);
    expect(lockSecondsLeft(state, at(19))).toBe(0);
  });

  it('does not lock when the five failures span more than 15 minutes', () => {
    const state = fail(5, 0, 4); // minutes 0, 4, 8, 12, 16: only four lie within 15 minutes of 16
    expect(lockSecondsLeft(state, at(16))).toBe(0);
  });

  it('counts the last 15 minutes, not a fixed window: failures at 10–13 and 16 lock', () => {
    let state = fail(1, 0);
    for (const minute of [10, 11, 12, 13, 16]) state = afterFailure(state, at(minute));
    expect(lockSecondsLeft(state, at(16))).toBe(15 * 60);
  });
});

describe('attempts counted before the password is checked', () => {
  it('admits five attempts at once and refuses the sixth, before any of them is checked', () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 5; i++) {
      const admission = admitAttempt(state, at(0));
      expect(admission.admitted).toBe(true);
      if (admission.admitted) state = admission.state;
    }
    expect(admitAttempt(state, at(0))).toEqual({ admitted: false, secondsLeft: 15 * 60 });
  });

  it('withdraws an attempt whose password was right, and lifts the lock the other four cannot earn alone', () => {
    const locked = fail(5);
    const after = withdrawAttempt(locked!, at(4), at(4));
    expect(after.recentFailures).toHaveLength(4);
    expect(lockSecondsLeft(after, at(4))).toBe(0);
  });

  it('keeps the other failures counted after a success: one more failure locks', () => {
    const afterSuccess = withdrawAttempt(fail(5)!, at(4), at(4));
    expect(lockSecondsLeft(afterFailure(afterSuccess, at(5)), at(5))).toBe(15 * 60);
  });

  it('withdraws one attempt only when two share the same instant', () => {
    const state = afterFailure(afterFailure(undefined, at(1)), at(1));
    expect(withdrawAttempt(state, at(1), at(1)).recentFailures).toEqual([at(1)]);
  });
});
