import type { PcmFrame } from './frame';

const FORMAT_PCM = 1;
const FORMAT_EXTENSIBLE = 0xfffe;

/** A file that is not a RIFF/WAVE we can read (or not 16-bit PCM). */
export class WavError extends Error {
  override name = 'WavError';
}

/**
 * Parses a RIFF/WAVE file of 16-bit PCM into mono (several channels are averaged).
 * A data size larger than the file (as written by streaming encoders) reads what is there.
 */
export function readWav(bytes: Uint8Array): PcmFrame {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') {
    throw new WavError('not a WAV file: missing RIFF/WAVE header');
  }
  let format: { channels: number; sampleRate: number } | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') format = parseFormat(view, body, size);
    if (id === 'data') {
      if (!format) throw new WavError('WAV data chunk comes before its fmt chunk');
      const length = Math.min(size, bytes.length - body);
      return { samples: toMono(view, body, length, format.channels), sampleRate: format.sampleRate };
    }
    offset = body + size + (size % 2); // chunks are padded to even sizes
  }
  throw new WavError(format ? 'WAV file has no data chunk' : 'WAV file has no fmt chunk');
}

/** Encodes mono 16-bit PCM as a canonical 44-byte-header WAV file. */
export function writeWav(frame: PcmFrame): Uint8Array {
  const dataBytes = frame.samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  writeAscii(bytes, 0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  writeAscii(bytes, 8, 'WAVE');
  writeAscii(bytes, 12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, FORMAT_PCM, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, frame.sampleRate, true);
  view.setUint32(28, frame.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  writeAscii(bytes, 36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < frame.samples.length; i++) view.setInt16(44 + i * 2, frame.samples[i] as number, true);
  return bytes;
}

function parseFormat(view: DataView, at: number, size: number): { channels: number; sampleRate: number } {
  if (size < 16) throw new WavError(`WAV fmt chunk too short (${size} bytes)`);
  let tag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const bits = view.getUint16(at + 14, true);
  // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
  if (tag === FORMAT_EXTENSIBLE && size >= 26) tag = view.getUint16(at + 24, true);
  if (tag !== FORMAT_PCM || bits !== 16) {
    throw new WavError(`unsupported WAV encoding: format tag ${tag}, ${bits} bits (only 16-bit PCM is read)`);
  }
  if (channels < 1) throw new WavError('WAV file declares 0 channels');
  if (sampleRate < 1) throw new WavError('WAV file declares a sample rate of 0');
  return { channels, sampleRate };
}

function toMono(view: DataView, at: number, length: number, channels: number): Int16Array {
  const frames = Math.floor(length / (2 * channels));
  const out = new Int16Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += view.getInt16(at + (f * channels + c) * 2, true);
    out[f] = Math.round(sum / channels);
  }
  return out;
}

function ascii(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + 4));
}

function writeAscii(bytes: Uint8Array, at: number, text: string): void {
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
}
