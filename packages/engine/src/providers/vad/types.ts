import type { TurnHandling } from '../../flow/settings';

/** The VAD settings a flow resolves to (thresholds 0..1, durations in ms). */
export type VadSettings = TurnHandling['vad'];

/** Timestamps are milliseconds of audio since the stream began (not wall-clock time). */
export type VadEvent =
  | {
      type: 'inference';
      /** Smoothed probability the hysteresis acts on. */
      probability: number;
      /** What the model said for this window. */
      rawProbability: number;
      speaking: boolean;
      /** Audio consumed so far, at the end of this window. */
      timestamp: number;
    }
  | {
      type: 'speech_start';
      /** Where speech began (confirmed minSpeechDuration later). */
      timestamp: number;
      probability: number;
      /** prefixPadding ms before the start, plus the speech heard so far. */
      audio: Int16Array;
    }
  | {
      type: 'speech_end';
      /** Where speech ended (confirmed minSilenceDuration later). */
      timestamp: number;
      speechDuration: number;
      probability: number;
      /** The whole utterance: prefixPadding ms before the start through the end. */
      audio: Int16Array;
    };

/** One caller's audio through a VAD: 16 kHz mono Int16 in, events out in audio order. */
export interface VadStream {
  /** Feeds audio of any length; resolves with the events it completed. Calls are queued in order. */
  push(samples: Int16Array): Promise<VadEvent[]>;
  /** Forgets model state, speech state and buffered audio; timestamps keep counting. */
  reset(): Promise<void>;
  /** Ends the stream; later pushes reject. */
  close(): Promise<void>;
}

/** A voice activity detector a session can be given: one stream per caller. */
export interface Vad {
  readonly id: string;
  stream(): VadStream;
}
