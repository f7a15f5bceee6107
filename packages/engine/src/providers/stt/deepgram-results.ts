import type { Deepgram } from '@deepgram/sdk';
import type { SttEvent } from './types';

/** A message from Deepgram's live transcription socket (`/v1/listen`). */
export type DeepgramLiveMessage =
  | Deepgram.listen.ListenV1Results
  | Deepgram.listen.ListenV1Metadata
  | Deepgram.listen.ListenV1UtteranceEnd
  | Deepgram.listen.ListenV1SpeechStarted;

/**
 * Maps one Deepgram live message to the transcript event it carries, if any.
 * `is_final` marks text Deepgram will not revise (endpointing or Finalize); earlier results are
 * interim guesses. Empty transcripts (silence) carry nothing worth showing.
 */
export function sttEventFromMessage(message: DeepgramLiveMessage): SttEvent | null {
  if (message?.type !== 'Results') return null;
  const best = message.channel.alternatives[0];
  const text = best?.transcript.trim() ?? '';
  if (!best || !text) return null;
  return message.is_final ? { type: 'final', text, confidence: best.confidence } : { type: 'interim', text };
}
