/** The queue is full: the task was refused without running. */
export class QueueFullError extends Error {
  constructor(what: string) {
    super(`${what} is busy`);
    this.name = 'QueueFullError';
  }
}

/**
 * Runs at most `concurrency` tasks at once and lets at most `maxWaiting` more wait; past that a
 * task is refused at once, so a flood costs neither CPU nor memory beyond the bound.
 */
export class BoundedQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most tasks that ever ran at once. */
  peak = 0;

  constructor(
    private readonly what: string,
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  /** Runs `task` when a place is free; QueueFullError when too many already wait. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new QueueFullError(this.what);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    this.peak = Math.max(this.peak, this.running);
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
