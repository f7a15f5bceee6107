/** Bounds and inputs of the warm-spare target. */
export interface SpareSizingOptions {
  /** Spares kept even when no call has come for a while. */
  min: number;
  /** Never more spares than this (each idle one holds its memory). */
  max: number;
  /** How far back arrivals count. */
  windowMs: number;
}

/**
 * How many warm call processes to keep: enough to cover the calls expected to arrive while
 * replacements boot (observed arrival rate x observed boot time, rounded up), within [min, max].
 */
export class SpareSizing {
  private readonly arrivals: number[] = [];
  /** Moving average of fork -> ready, ms; starts at a typical built-JavaScript boot. */
  private bootMs = 1000;

  constructor(
    private readonly options: SpareSizingOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A call asked for a process. */
  arrived(): void {
    const now = this.now();
    this.arrivals.push(now);
    while ((this.arrivals[0] ?? now) < now - this.options.windowMs) this.arrivals.shift();
  }

  /** A process finished booting after `ms`. */
  booted(ms: number): void {
    this.bootMs = 0.7 * this.bootMs + 0.3 * ms;
  }

  /** Moving average of fork -> ready, ms. */
  get bootTimeMs(): number {
    return this.bootMs;
  }

  /** Calls per second over the window. */
  get arrivalRate(): number {
    const now = this.now();
    const recent = this.arrivals.filter((at) => at >= now - this.options.windowMs).length;
    return recent / (this.options.windowMs / 1000);
  }

  /** The spare count to keep now. */
  target(): number {
    const expected = Math.ceil(this.arrivalRate * (this.bootMs / 1000) * 2);
    return Math.min(this.options.max, Math.max(this.options.min, expected));
  }
}
