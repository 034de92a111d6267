import { ConcurrencyLimit, Saturated } from './concurrency-limit';

/** A task that finishes when told, and says when it started. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { open, task: () => done };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('concurrency limit', () => {
  it('runs at most `concurrency` tasks at once and starts the queued ones as others finish', async () => {
    const limit = new ConcurrencyLimit(2, 10);
    const gates = [gate(), gate(), gate()];
    let started = 0;
    const runs = gates.map((g) => limit.run(() => (started++, g.task())));
    await tick();
    expect(started).toBe(2);
    expect(limit.queued).toBe(1);
    gates[0].open();
    await tick();
    expect(started).toBe(3);
    gates[1].open();
    gates[2].open();
    await Promise.all(runs);
    expect(limit.active).toBe(0);
  });

  it('refuses work beyond the bounded queue at once instead of queueing without bound', async () => {
    const limit = new ConcurrencyLimit(1, 1);
    const g = gate();
    const running = limit.run(g.task);
    const waiting = limit.run(g.task);
    await expect(limit.run(g.task)).rejects.toBeInstanceOf(Saturated);
    g.open();
    await Promise.all([running, waiting]);
  });

  it('frees its slot when a task fails', async () => {
    const limit = new ConcurrencyLimit(1, 0);
    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run(() => Promise.resolve(7))).resolves.toBe(7);
  });
});
