import type { PcmFrame } from '../audio/frame';
import type { Clock } from '../session/clock';
import type { SessionEvent } from '../session/events';
import type { CallerInput, Transport } from '../session/transport';
import { RecordingAudioOutput } from './recording-audio-output';

/**
 * A caller in the same process: hands audio and text to a session and records everything it
 * sends back (events, and audio with play times). With a VirtualClock audio "plays" in
 * virtual time; with the real clock, in wall time.
 */
export class InProcessTransport implements Transport {
  readonly output: RecordingAudioOutput;
  /** Every session event received, in order. */
  readonly events: SessionEvent[] = [];
  private input: CallerInput | null = null;
  private closed = false;

  constructor(clock: Clock, options: { keepAudio?: boolean } = {}) {
    this.output = new RecordingAudioOutput(clock, options.keepAudio ?? true);
  }

  connect(input: CallerInput): void {
    this.input = input;
  }

  send(event: SessionEvent): void {
    this.events.push(event);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** True once the session closed the transport. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** The caller types a message. */
  sendText(text: string): void {
    this.connected().text(text);
  }

  /** The caller hangs up. */
  hangup(): void {
    this.connected().hangup();
  }

  /** The caller presses a key (0-9, *, #), as SIP DTMF delivers it. */
  sendDtmf(digit: string): void {
    this.connected().dtmf?.(digit);
  }

  /** One frame of caller audio (any rate). */
  sendAudio(frame: PcmFrame): void {
    this.connected().audio(frame);
  }

  private connected(): CallerInput {
    if (!this.input) throw new Error('the session has not connected to this transport yet (call start())');
    return this.input;
  }
}
