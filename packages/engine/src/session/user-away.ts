import type { Clock, TimerHandle } from './clock';

/**
 * Notices a caller who went quiet: `timeoutMs` of silence after the agent finished speaking
 * prompts once, and the same silence again after the prompt ends the call.
 */
export class UserAwayMonitor {
  private timer: TimerHandle | null = null;
  private prompted = false;

  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs: () => number,
    private readonly handlers: { prompt(): void; away(): void },
  ) {}

  /** The agent finished speaking and waits for the caller: start counting. */
  arm(): void {
    this.disarm();
    const timeout = this.timeoutMs();
    if (!(timeout > 0)) return;
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      if (this.prompted) return this.handlers.away();
      this.prompted = true;
      this.handlers.prompt();
    }, timeout);
  }

  /** The caller did something (spoke, typed): they are here. */
  userActive(): void {
    this.prompted = false;
    this.disarm();
  }

  /** Stop counting (the agent is speaking or the call is over). */
  disarm(): void {
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = null;
  }
}
