import type { Clock, TimerHandle } from '../session/clock';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/**
 * A clock that moves only when advance() is called, for fast, repeatable audio tests.
 * Before each step it waits for all tracked provider work (VAD inference, LLM/TTS streams,
 * webhooks) to finish, so no matter how fast the machine is, every timer fires after the
 * engine has processed everything that happened earlier on this timeline. Provider latency
 * therefore costs no virtual time.
 */
export class VirtualClock implements Clock {
  private time = 0;
  private timers: Timer[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private nextId = 1;

  now(): number {
    return this.time;
  }

  setTimer(fn: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), fn };
    this.timers.push(timer);
    return { id: timer.id };
  }

  clearTimer(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle.id);
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => void this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  /** Waits until no tracked work is left and the event loop has drained. */
  async settle(): Promise<void> {
    for (let quiet = 0; quiet < 2; ) {
      if (this.pending.size > 0) {
        quiet = 0;
        await Promise.allSettled([...this.pending]);
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.pending.size === 0) quiet++;
    }
  }

  /** Moves time forward by `ms`, firing due timers in order, settling after each. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await this.settle();
    while (true) {
      const next = this.timers.reduce<Timer | undefined>(
        (a, t) => (t.at <= target && (!a || t.at < a.at) ? t : a),
        undefined,
      );
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = Math.max(this.time, next.at);
      next.fn();
      await this.settle();
    }
    this.time = target;
    await this.settle();
  }
}
