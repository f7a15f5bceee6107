import type { IncomingHttpHeaders } from 'node:http';
import type WebSocket from 'ws';

/** A Realtime event on the wire, either direction: a `type` and its fields. */
export type WireEvent = { type: string } & Record<string, unknown>;

let serverEventCounter = 0;

/**
 * One Realtime WebSocket connection, server side. Answers the bookkeeping events the way the
 * real service does (session.created/updated, item added, truncated); everything the model
 * "says" is sent by the test with send()/sendAll().
 */
export class RealtimeConnectionDouble {
  /** Every client event, in arrival order. */
  readonly received: WireEvent[] = [];
  /** The session as merged from session.update events. */
  session: Record<string, unknown> = { type: 'realtime', object: 'realtime.session' };
  private readonly cursors = new Map<string, number>();
  private waiters: (() => void)[] = [];
  private itemCounter = 0;

  constructor(
    private readonly socket: WebSocket,
    readonly url: URL,
    readonly headers: IncomingHttpHeaders,
  ) {
    socket.on('message', (data) => this.receive(JSON.parse(String(data)) as WireEvent));
    this.send({ type: 'session.created', session: this.session });
  }

  /** The next event of `type` not yet returned by an earlier call; waits for it if needed. */
  async nextEvent(type: string): Promise<WireEvent> {
    for (;;) {
      const from = this.cursors.get(type) ?? 0;
      const index = this.received.findIndex((event, i) => i >= from && event.type === type);
      if (index >= 0) {
        this.cursors.set(type, index + 1);
        return this.received[index] as WireEvent;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Sends one server event (an event_id is added). */
  send(event: WireEvent): void {
    this.socket.send(JSON.stringify({ event_id: `event_double_${++serverEventCounter}`, ...event }));
  }

  /** Sends several server events in order. */
  sendAll(events: WireEvent[]): void {
    for (const event of events) this.send(event);
  }

  /** Cuts the TCP connection without a close frame, as a network failure would. */
  drop(): void {
    this.socket.terminate();
  }

  private receive(event: WireEvent): void {
    this.received.push(event);
    this.answer(event);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private answer(event: WireEvent): void {
    if (event.type === 'session.update') {
      this.session = { ...this.session, ...(event.session as Record<string, unknown>) };
      this.send({ type: 'session.updated', session: this.session });
    } else if (event.type === 'conversation.item.create') {
      const item = { id: `item_double_${++this.itemCounter}`, ...(event.item as Record<string, unknown>) };
      this.send({ type: 'conversation.item.added', previous_item_id: null, item });
    } else if (event.type === 'conversation.item.truncate') {
      this.send({
        type: 'conversation.item.truncated',
        item_id: event.item_id,
        content_index: event.content_index,
        audio_end_ms: event.audio_end_ms,
      });
    }
  }
}
