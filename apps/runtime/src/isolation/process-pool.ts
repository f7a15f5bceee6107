import type { Logger } from '../log';
import { CallProcess } from './call-process';
import type { SharedServices } from './shared-services';
import { SpareSizing, type SpareSizingOptions } from './spare-sizing';

export interface ProcessPoolOptions extends Omit<SpareSizingOptions, 'windowMs'> {
  /** Processes booting at the same time, at most: a rush boots them in turn instead of all at once. */
  maxBooting: number;
  /** The runtime's shared programs, which every call process uses. */
  services: SharedServices;
  log: Logger;
  /** Told when calls wait for a process (count > 0) and when the wait is over (0). */
  onQueue?(waiting: number): void;
}

/** What the pool holds now, for admission and metrics. */
export interface PoolState {
  ready: number;
  booting: number;
  /** Calls waiting for a process. */
  waiting: number;
  target: number;
}

/** How far back call arrivals size the pool. */
const ARRIVAL_WINDOW_MS = 60_000;

/**
 * Hands out warm call processes. A call takes a ready spare; the pool keeps as many spares as the
 * observed arrival rate needs while new ones boot (SpareSizing, bounded), and boots at most
 * maxBooting at once, so a rush of calls is served in arrival order by processes booting
 * one after another rather than by a herd of processes slowing each other down. Each process
 * still serves exactly one call (a crash ends that call only).
 */
export class ProcessPool {
  private readonly ready: CallProcess[] = [];
  private readonly booting = new Set<CallProcess>();
  private readonly waiting: { resolve(process: CallProcess): void; reject(error: Error): void }[] = [];
  private readonly sizing: SpareSizing;
  private closed = false;

  constructor(private readonly options: ProcessPoolOptions) {
    this.sizing = new SpareSizing({ min: options.min, max: options.max, windowMs: ARRIVAL_WINDOW_MS });
    this.refill();
  }

  /** Counts of ready, booting and awaited processes. */
  get state(): PoolState {
    return {
      ready: this.ready.length,
      booting: this.booting.size,
      waiting: this.waiting.length,
      target: this.sizing.target(),
    };
  }

  /**
   * How long a call asking for a process after `ahead` more callers would wait: none while a
   * spare is free, else until the processes booting in turn reach it (observed boot time).
   */
  expectedWaitMs(ahead: number): number {
    const position = this.waiting.length + ahead + 1 - this.ready.length;
    if (position <= 0) return 0;
    return Math.ceil(position / this.options.maxBooting) * this.sizing.bootTimeMs;
  }

  /** A process that is ready for a call: a warm spare if there is one, else the next one to boot. */
  take(): Promise<CallProcess> {
    if (this.closed) return Promise.reject(new Error('the runtime is shutting down: no new call processes'));
    this.sizing.arrived();
    const spare = this.ready.shift();
    if (spare) {
      this.refill();
      return Promise.resolve(spare);
    }
    const taken = new Promise<CallProcess>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.options.onQueue?.(this.waiting.length);
    this.refill();
    return taken;
  }

  /** Stops the spares and those booting; taken processes belong to their calls. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('the runtime is shutting down'));
    await Promise.all([...this.ready.splice(0), ...this.booting].map((process) => process.kill()));
  }

  /** Boots processes until ready + booting covers the waiting calls and the spare target. */
  private refill(): void {
    const wanted = () => this.waiting.length + this.sizing.target();
    while (
      !this.closed &&
      this.booting.size < this.options.maxBooting &&
      this.ready.length + this.booting.size < wanted()
    ) {
      this.boot();
    }
  }

  private boot(): void {
    const process = new CallProcess(this.options.services);
    const started = performance.now();
    this.booting.add(process);
    process.ready.then(
      () => {
        this.booting.delete(process);
        this.sizing.booted(performance.now() - started);
        const waiter = this.waiting.shift();
        if (waiter) {
          waiter.resolve(process);
          this.options.onQueue?.(this.waiting.length);
        } else this.ready.push(process);
        this.refill();
      },
      (error: unknown) => {
        this.booting.delete(process);
        if (this.closed) return; // killed by close()
        this.options.log.error('call process failed to boot', { error: String(error) });
        // A broken install must not fork in a loop: the first waiting call fails with the reason,
        // the next take() tries again.
        this.waiting.shift()?.reject(error instanceof Error ? error : new Error(String(error)));
        this.options.onQueue?.(this.waiting.length);
      },
    );
    // A warm spare that dies (killed by an operator, out of memory) is replaced.
    void process.exited.then(() => {
      const index = this.ready.indexOf(process);
      if (index < 0) return;
      this.ready.splice(index, 1);
      this.refill();
    });
  }
}
