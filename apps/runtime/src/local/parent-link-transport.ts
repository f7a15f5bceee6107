import { CALLER_AUDIO_RATE } from '@parley/calls';
import type { CallerInput, SessionEvent, Transport } from '@parley/engine';
import type { ChildMessage } from '../isolation/ipc-messages';
import { PacedAudioOutput } from './paced-audio-output';

/**
 * Local mode, inside the call's process: the caller is the parent's WebSocket. Events and paced
 * agent audio go up to the parent; caller audio and text come down (see deliver()).
 */
export class ParentLinkTransport implements Transport {
  readonly output: PacedAudioOutput;
  private input: CallerInput | null = null;

  constructor(private readonly post: (message: ChildMessage) => void) {
    this.output = new PacedAudioOutput({
      audio: (samples, sampleRate) => post({ type: 'agent_audio', samples, sampleRate }),
      playback: (action) => post({ type: 'playback', action }),
    });
  }

  connect(input: CallerInput): void {
    this.input = input;
  }

  send(event: SessionEvent): void {
    this.post({ type: 'event', event });
  }

  async close(): Promise<void> {
    this.input = null;
  }

  /** Caller audio (16 kHz PCM) from the parent; dropped before the session connects or after it closed. */
  callerAudio(samples: Int16Array): void {
    this.input?.audio({ samples, sampleRate: CALLER_AUDIO_RATE });
  }

  /** Caller text from the parent. */
  callerText(text: string): void {
    this.input?.text(text);
  }

  /** One keypad press from the parent. */
  callerDtmf(digit: string): void {
    this.input?.dtmf?.(digit);
  }

  /** The caller left. */
  hangup(): void {
    this.input?.hangup();
  }
}
