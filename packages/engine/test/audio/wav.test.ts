import { describe, expect, it } from 'vitest';
import { readWav, WavError, writeWav } from '../../src/audio/wav';
import { sine } from '../support';

/** A WAV header + data built by hand, to test what readWav accepts beyond what writeWav makes. */
function rawWav(opts: { tag?: number; channels?: number; bits?: number; rate?: number; data: Int16Array }): Uint8Array {
  const { tag = 1, channels = 1, bits = 16, rate = 16000, data } = opts;
  const bytes = new Uint8Array(44 + data.length * 2);
  const v = new DataView(bytes.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) v.setUint8(at + i, s.charCodeAt(i));
  };
  text(0, 'RIFF');
  v.setUint32(4, 36 + data.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, tag, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * channels * (bits / 8), true);
  v.setUint16(32, channels * (bits / 8), true);
  v.setUint16(34, bits, true);
  text(36, 'data');
  v.setUint32(40, data.length * 2, true);
  for (const [i, s] of data.entries()) v.setInt16(44 + i * 2, s, true);
  return bytes;
}

describe('WAV', () => {
  it('round-trips mono 16-bit PCM exactly', () => {
    const frame = { samples: sine(440, 100, { rate: 22050 }), sampleRate: 22050 };
    const bytes = writeWav(frame);
    expect(bytes.length).toBe(44 + frame.samples.length * 2);
    expect(readWav(bytes)).toEqual(frame);
  });

  it('downmixes stereo by averaging the channels', () => {
    const frame = readWav(
      rawWav({ channels: 2, rate: 48000, data: Int16Array.of(100, 300, -1000, 1000, 32767, 32767) }),
    );
    expect(frame).toEqual({ samples: Int16Array.of(200, 0, 32767), sampleRate: 48000 });
  });

  it('skips unknown chunks and reads a data size that overruns the file', () => {
    const plain = writeWav({ samples: Int16Array.of(1, 2, 3), sampleRate: 8000 });
    const list = Uint8Array.of(...[...'LIST'].map((c) => c.charCodeAt(0)), 3, 0, 0, 0, 9, 9, 9, 0);
    const withList = new Uint8Array(plain.length + list.length);
    withList.set(plain.subarray(0, 36));
    withList.set(list, 36);
    withList.set(plain.subarray(36), 36 + list.length);
    new DataView(withList.buffer).setUint32(36 + list.length + 4, 0xffffffff, true);
    expect(readWav(withList)).toEqual({ samples: Int16Array.of(1, 2, 3), sampleRate: 8000 });
  });

  it('names the problem for files it cannot read', () => {
    expect(() => readWav(new TextEncoder().encode('hello, not audio'))).toThrow(/missing RIFF\/WAVE header/);
    expect(() => readWav(rawWav({ tag: 3, bits: 32, data: new Int16Array(4) }))).toThrow(
      /format tag 3, 32 bits \(only 16-bit PCM/,
    );
    expect(() => readWav(rawWav({ bits: 8, data: new Int16Array(4) }))).toThrow(WavError);
    expect(() => readWav(writeWav({ samples: new Int16Array(2), sampleRate: 8000 }).subarray(0, 36))).toThrow(
      /no data chunk/,
    );
  });
});
