import type { TurnHandling } from '../../flow/settings';
import type { ChatMessage } from '../llm/types';

/** The resolved `turnModel` settings a detector is built from. */
export type TurnModelSettings = TurnHandling['turnModel'];

/** What a detector looks at when the user stops speaking. Structured-cloneable (it crosses into a worker). */
export interface EndOfTurnContext {
  /** The conversation so far, ending with the user's current (possibly unfinished) turn. */
  chat: ChatMessage[];
  /** BCP-47 code of the user's language, e.g. 'en' or 'en-US'. */
  language: string;
  /** 16 kHz mono PCM of the user's current turn; audio models need it, text models ignore it. */
  audio?: Int16Array;
}

/** A scorer run in the current thread: how likely the user finished their turn, 0..1. */
export interface EndOfTurnModel {
  predict(context: EndOfTurnContext): Promise<number>;
  close(): Promise<void>;
}

/**
 * What a VoiceSession uses to decide whether the user finished speaking.
 * `predict` resolves `undefined` when no decision came in time (timeout): the session should
 * then treat the turn as undetermined and wait the endpointing maxDelay. It rejects with the
 * signal's reason when aborted (the user spoke again), and with an Error when the model failed.
 */
export interface EndOfTurnDetector {
  readonly kind: TurnModelSettings['kind'];
  /** True when `predict` needs `context.audio`: the session must buffer the user's turn audio. */
  readonly needsAudio: boolean;
  predict(context: EndOfTurnContext, signal?: AbortSignal): Promise<number | undefined>;
  /** Probability at or above which the turn counts as finished; undefined if the language is unsupported. */
  threshold(language: string): number | undefined;
  close(): Promise<void>;
}
