/** Thrown when a ConcurrencyLimit's queue is full: the caller should refuse the request, not wait. */
export class Saturated extends Error {
  constructor() {
    super('Too much work is waiting');
    this.name = 'Saturated';
  }
}

/**
 * At most `concurrency` tasks at once, at most `maxQueued` waiting behind them; beyond that `run`
 * rejects at once with Saturated, so a flood is refused instead of piling up memory and latency.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxQueued: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxQueued) throw new Saturated();
      // The finishing task hands its slot over directly, so `running` never drops in between.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
