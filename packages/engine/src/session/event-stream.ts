import type { Clock } from './clock';
import type { SessionEvent, SessionEventBody } from './events';

type Listener = (event: SessionEvent) => void;

/**
 * The session's one event stream: stamps each event with the session time, sends it to the
 * transport and to every subscriber (test API, call records) in the same order.
 */
export class SessionEventStream {
  private readonly listeners = new Set<Listener>();
  private ended = false;

  constructor(
    private readonly clock: Clock,
    private readonly send: (event: SessionEvent) => void,
  ) {}

  /** Stamps and delivers one event; nothing is delivered after session_ended. */
  emit(body: SessionEventBody): void {
    if (this.ended) return;
    const event = { ...body, t: Math.round(this.clock.now() * 10) / 10 } as SessionEvent;
    if (event.type === 'session_ended') this.ended = true;
    this.send(event);
    for (const listener of [...this.listeners]) listener(event);
  }

  /** Calls `listener` for every later event; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Later events as an async iterable that ends after session_ended. */
  async *[Symbol.asyncIterator](): AsyncGenerator<SessionEvent> {
    const queue: SessionEvent[] = [];
    let wake: (() => void) | null = null;
    let done = this.ended;
    const unsubscribe = this.subscribe((event) => {
      queue.push(event);
      if (event.type === 'session_ended') done = true;
      wake?.();
    });
    try {
      while (true) {
        const next = queue.shift();
        if (next) {
          yield next;
          continue;
        }
        if (done) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
    } finally {
      unsubscribe();
    }
  }
}
