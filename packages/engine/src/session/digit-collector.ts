import type { CollectDigits } from '../flow/steps-schema';
import type { Clock, TimerHandle } from './clock';

/**
 * Collects key presses for a "collect digits" step: done at `maxDigits`, at the terminator key
 * (not kept), or `timeoutMs` after the last key (or after it was armed, when none came).
 */
export class DigitCollector {
  private digits = '';
  private timer: TimerHandle | null = null;
  private finish!: (digits: string) => void;
  /** Resolves with the digits collected (possibly empty). */
  readonly done: Promise<string>;
  private finished = false;

  constructor(
    private readonly clock: Clock,
    private readonly step: CollectDigits,
  ) {
    this.done = new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  /** Starts (or restarts) the timeout: call once the prompt has been spoken. */
  arm(): void {
    if (this.finished) return;
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = this.clock.setTimer(() => this.end(), this.step.timeoutMs);
  }

  /** One key press (0-9, *, #). */
  press(digit: string): void {
    if (this.finished) return;
    if (digit === this.step.terminator) {
      this.end();
      return;
    }
    this.digits += digit;
    if (this.digits.length >= this.step.maxDigits) this.end();
    else if (this.timer) this.arm();
  }

  /** Stops collecting now with what arrived so far. */
  end(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.timer) this.clock.clearTimer(this.timer);
    this.finish(this.digits);
  }
}
