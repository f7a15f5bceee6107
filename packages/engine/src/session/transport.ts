import type { PcmFrame } from '../audio/frame';
import type { SessionEvent } from './events';

/** Where the agent's voice goes. Knows what was actually played, so chat history can be truncated. */
export interface AudioOutput {
  /** Queue audio of the current utterance (at the TTS rate). */
  write(frame: PcmFrame): void;
  /** No more audio for this utterance; resolves once all of it has played (or it was cleared). */
  flush(): Promise<void>;
  /** Stop at once, drop everything queued and end any pause. */
  clear(): void;
  /** Milliseconds of the current utterance played so far. */
  playedMs(): number;
  /** Pause/resume playback without dropping audio (false interruptions). */
  pause(): void;
  resume(): void;
}

/** What a transport delivers to the session. */
export interface CallerInput {
  /** Caller audio at any rate; the session resamples to 16 kHz. */
  audio(frame: PcmFrame): void;
  text(text: string): void;
  hangup(): void;
  /** A key press (0-9, *, #), from transports that carry them (SIP DTMF). */
  dtmf?(digit: string): void;
}

/** How a session meets its caller: a LiveKit room, a WebSocket, or an in-process test harness. */
export interface Transport {
  readonly output: AudioOutput;
  /** Called once by the session to receive caller input. */
  connect(input: CallerInput): void;
  /** Every session event, in order. */
  send(event: SessionEvent): void;
  close(): Promise<void>;
}
