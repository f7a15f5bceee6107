/** A promise with its resolver outside (Node 20 lacks Promise.withResolvers). */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Runs `fn` expecting a rejection, and returns what was thrown. */
export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, got none');
}

/** Every item of an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Records events and lets a test await the next one of a type. */
export class EventLog<E extends { type: string }> {
  readonly events: E[] = [];
  private readonly cursors = new Map<string, number>();
  private waiters: (() => void)[] = [];

  /** Listener to pass to an onEvent(). */
  readonly push = (event: E): void => {
    this.events.push(event);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  };

  /** The next event of `type` not returned before; waits if it has not arrived. */
  async next<T extends E['type']>(type: T): Promise<Extract<E, { type: T }>> {
    for (;;) {
      const from = this.cursors.get(type) ?? 0;
      const index = this.events.findIndex((event, i) => i >= from && event.type === type);
      if (index >= 0) {
        this.cursors.set(type, index + 1);
        return this.events[index] as Extract<E, { type: T }>;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}
