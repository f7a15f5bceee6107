/**
 * Cuts a byte stream of 16-bit little-endian PCM into Int16Array chunks. Network chunks can end
 * mid-sample; the odd byte waits for the next chunk.
 */
export class Pcm16Chunker {
  private carry: number | null = null;

  /** The whole samples completed by `bytes` (possibly none). */
  push(bytes: Uint8Array): Int16Array {
    if (bytes.length === 0) return new Int16Array(0);
    const start = this.carry === null ? 0 : 1;
    const total = bytes.length + (this.carry === null ? 0 : 1);
    const samples = new Int16Array(Math.floor(total / 2));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let i = 0;
    if (this.carry !== null && samples.length > 0) {
      samples[i++] = ((bytes[0] ?? 0) << 8) | this.carry;
    }
    for (let at = start; i < samples.length; at += 2) samples[i++] = view.getInt16(at, true);
    this.carry = total % 2 === 1 ? (bytes[bytes.length - 1] ?? 0) : null;
    return samples;
  }
}
