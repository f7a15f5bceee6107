import type { CallProcess } from '../isolation/call-process';
import type { Logger } from '../log';

/** How long a call process has to exit once its call is over, before SIGTERM, then SIGKILL. */
export interface KillDeadlineOptions {
  /** From the end request (hang-up, runtime end, session done) to SIGTERM. */
  graceMs: number;
  /** From SIGTERM to SIGKILL (a stopped or signal-ignoring process still goes). */
  termMs: number;
}

/**
 * The deadline one call's process must meet once its call ends in any way: a process still
 * alive after `graceMs` (spinning on a pathological input, stopped, deadlocked) is sent SIGTERM,
 * and SIGKILL `termMs` later, so it can never keep burning CPU or hold its call's slot.
 */
export class KillDeadline {
  private timer: NodeJS.Timeout | null = null;
  private armedFor: string | null = null;
  private firedAfter: string | null = null;

  constructor(
    private readonly options: KillDeadlineOptions,
    private readonly log: Logger,
  ) {}

  /** Starts the countdown for `process` (once; later calls keep the first deadline); `why` names the end ("hang-up"). */
  arm(process: CallProcess, why: string): void {
    if (this.armedFor !== null || !process.alive) return;
    this.armedFor = why;
    this.timer = setTimeout(() => {
      if (!process.alive) return;
      this.firedAfter = why;
      this.log.warn('call process did not stop in time: SIGTERM', { pid: process.pid, graceMs: this.options.graceMs });
      process.signal('SIGTERM');
      this.timer = setTimeout(() => {
        if (!process.alive) return;
        this.log.warn('call process ignored SIGTERM: SIGKILL', { pid: process.pid });
        process.signal('SIGKILL');
      }, this.options.termMs);
    }, this.options.graceMs);
    void process.exited.then(() => this.cancel());
  }

  /** Why the process had to be killed ("the hang-up"), or null when it stopped by itself in time. */
  get killedAfter(): string | null {
    return this.firedAfter;
  }

  /** The failure reason for a call whose process was killed, naming the deadline it missed. */
  reason(): string {
    return `the call process did not stop within ${this.options.graceMs} ms of the ${this.firedAfter}; it was killed`;
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
