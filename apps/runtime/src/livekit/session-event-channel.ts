import type { SessionEvent } from '@parley/engine';
import type { Logger } from '../log';
import { TOPIC_PARLEY_EVENTS } from './conventions';

/** What the channel needs of a LocalParticipant. */
export interface EventSender {
  publishData(data: Uint8Array, options: { reliable?: boolean; topic?: string }): Promise<void>;
  sendText(text: string, options?: { topic?: string }): Promise<unknown>;
}

/** LiveKit carries reliable data packets of up to 15 KiB of user data; larger events go as a text stream. */
export const MAX_EVENT_PACKET_BYTES = 15 * 1024;

/** An event's wire form: one JSON object, UTF-8. */
export function encodeSessionEvent(event: SessionEvent): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(event));
}

/**
 * Sends every SessionEvent to the room on `parley.events`, in order, while `wanted()` says a
 * participant asked for them (about 15 a second, mostly vad: nobody but the tester reads them):
 * as a reliable data packet (one event, one packet), or — when it is too large for a packet
 * (long tool output) — as a text stream on the same topic holding the same JSON.
 */
export class SessionEventChannel {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly sender: EventSender,
    private readonly log: Logger,
    private readonly wanted: () => boolean,
  ) {}

  /** Queues one event, if anyone in the room asked for them. */
  send(event: SessionEvent): void {
    if (!this.wanted()) return;
    const payload = encodeSessionEvent(event);
    this.chain = this.chain
      .then(async () => {
        if (payload.byteLength <= MAX_EVENT_PACKET_BYTES) {
          await this.sender.publishData(payload, { reliable: true, topic: TOPIC_PARLEY_EVENTS });
        } else {
          await this.sender.sendText(new TextDecoder().decode(payload), { topic: TOPIC_PARLEY_EVENTS });
        }
      })
      .catch((error: unknown) => {
        this.log.warn('cannot send a session event to the room', { type: event.type, error: String(error) });
      });
  }

  /** Resolves once every event queued so far was sent (or failed). */
  settled(): Promise<void> {
    return this.chain;
  }
}
