/** Little-endian PCM16 samples as the base64 text Realtime APIs carry in JSON. */
export function pcm16ToBase64(samples: Int16Array): string {
  return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength).toString('base64');
}

/** Base64 PCM16 back to samples; a stray odd byte (never sent by a well-behaved server) is dropped. */
export function base64ToPcm16(text: string): Int16Array {
  const bytes = Buffer.from(text, 'base64');
  const samples = new Int16Array(bytes.length >> 1);
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
  return samples;
}
