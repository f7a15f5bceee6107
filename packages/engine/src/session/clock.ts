/** Opaque handle of a timer set on a Clock. */
export type TimerHandle = { readonly id: number };

/**
 * Time as the session sees it. The real clock is wall time; the testing VirtualClock moves
 * only when told to, so audio tests run faster than real time and deterministically.
 */
export interface Clock {
  /** Milliseconds on this clock's own timeline. */
  now(): number;
  setTimer(fn: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
  /**
   * Marks provider I/O (VAD inference, LLM/TTS/STT streams, webhooks) a virtual clock must see
   * finish before it moves time on. Never pass work that itself waits on this clock.
   */
  track<T>(work: Promise<T>): Promise<T>;
}

/** Wall-clock time with Node's timers. */
export function createRealClock(): Clock {
  const origin = performance.now();
  const timers = new Map<number, NodeJS.Timeout>();
  let nextId = 1;
  return {
    now: () => performance.now() - origin,
    setTimer(fn, ms) {
      const id = nextId++;
      timers.set(
        id,
        setTimeout(
          () => {
            timers.delete(id);
            fn();
          },
          Math.max(0, ms),
        ),
      );
      return { id };
    },
    clearTimer(handle) {
      clearTimeout(timers.get(handle.id));
      timers.delete(handle.id);
    },
    track: (work) => work,
  };
}

/** Resolves after `ms` on `clock`, or at once when `signal` aborts. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = clock.setTimer(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clock.clearTimer(timer);
      done();
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Wraps an async iterable so each step is tracked by `clock`. */
export async function* trackIterable<T>(clock: Clock, source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    while (true) {
      const step = await clock.track(iterator.next());
      if (step.done) return;
      yield step.value;
    }
  } finally {
    await iterator.return?.();
  }
}
