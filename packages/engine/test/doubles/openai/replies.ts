import type { ChatReply, SpeechReply } from './script';

/** A streamed text answer, one delta per chunk. */
export function textReply(...deltas: string[]): ChatReply {
  return deltas.map((text) => ({ text }));
}

/**
 * Tool calls as OpenAI streams them: per call, a first delta with id and name, then the
 * argument text split into `pieces` deltas.
 */
export function toolCallsReply(
  calls: { id: string; name: string; arguments: string }[],
  { pieces = 3 }: { pieces?: number } = {},
): ChatReply {
  return calls.flatMap((call, index) => [
    { toolCall: { index, id: call.id, name: call.name, arguments: '' } },
    ...splitText(call.arguments, pieces).map((part) => ({ toolCall: { index, arguments: part } })),
  ]);
}

/** PCM16 speech as little-endian bytes, written in `chunkBytes` pieces (odd sizes split samples). */
export function pcmSpeechReply(samples: Int16Array, chunkBytes: number): SpeechReply {
  const bytes = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
  const steps: SpeechReply = [];
  for (let at = 0; at < bytes.length; at += chunkBytes) steps.push({ bytes: bytes.slice(at, at + chunkBytes) });
  return steps;
}

/** Cuts text into `pieces` nearly equal parts (fewer if the text is short). */
export function splitText(text: string, pieces: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / pieces));
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += size) parts.push(text.slice(at, at + size));
  return parts;
}
