/**
 * How long a delivery waits after its `attempts`-th failed attempt: the base, then twice as long
 * each time (30 s, 1 min, 2 min, 4 min, …), never longer than `max`. Delivery never gives up: the
 * contract says "retried until accepted", and a receiver back after a day still gets everything.
 */
export function retryDelaySeconds(attempts: number, base: number, max: number): number {
  const doublings = Math.max(0, attempts - 1);
  // 2^31 already exceeds any max a configuration allows; beyond it only overflow would change.
  return Math.min(max, base * 2 ** Math.min(doublings, 31));
}
