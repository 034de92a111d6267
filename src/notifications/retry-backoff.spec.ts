import { retryDelaySeconds } from './retry-backoff';

describe('the wait before a delivery is tried again', () => {
  it('starts at the base and doubles with each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelaySeconds(attempts, 30, 3600))).toEqual([30, 60, 120, 240, 480]);
  });

  it('never waits longer than the maximum, however many attempts failed', () => {
    expect(retryDelaySeconds(8, 30, 3600)).toBe(3600);
    expect(retryDelaySeconds(10_000, 30, 3600)).toBe(3600);
  });
});
