/** Bytes before the PCM in an agent audio frame: the sample rate as uint32 little-endian. */
export const AGENT_AUDIO_HEADER_BYTES = 4;

/**
 * Runtime -> browser binary frame: [sample rate: uint32 LE][PCM s16le mono]. The rate is the
 * active agent's TTS rate (espeak 22050 Hz, OpenAI 24000 Hz...), which can change at a handoff,
 * so every frame says it.
 */
export function encodeAgentAudio(samples: Int16Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(AGENT_AUDIO_HEADER_BYTES + samples.byteLength);
  new DataView(bytes.buffer).setUint32(0, sampleRate, true);
  bytes.set(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength), AGENT_AUDIO_HEADER_BYTES);
  return bytes;
}

/** Reads an agent audio frame; throws on a frame too short or with half a sample. */
export function decodeAgentAudio(bytes: Uint8Array): { sampleRate: number; samples: Int16Array } {
  if (bytes.byteLength < AGENT_AUDIO_HEADER_BYTES || (bytes.byteLength - AGENT_AUDIO_HEADER_BYTES) % 2 !== 0) {
    throw new Error(`agent audio frame of ${bytes.byteLength} bytes: expected a 4-byte rate and whole 16-bit samples`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sampleRate = view.getUint32(0, true);
  // Copy: the PCM may sit at an odd offset in the received buffer, and Int16Array needs even.
  const pcm = bytes.slice(AGENT_AUDIO_HEADER_BYTES);
  return { sampleRate, samples: new Int16Array(pcm.buffer, 0, pcm.byteLength / 2) };
}

/** Caller audio from a binary frame (PCM s16le mono), as its own buffer; null when it holds half a sample. */
export function decodeCallerAudio(bytes: Uint8Array): Int16Array | null {
  if (bytes.byteLength % 2 !== 0) return null;
  // A copy: received frames are often views into a larger pooled buffer, which would otherwise
  // travel whole to the call's process (structured clone copies the entire ArrayBuffer).
  const samples = new Int16Array(bytes.byteLength / 2);
  new Uint8Array(samples.buffer).set(bytes);
  return samples;
}
