import { ENGINE_INPUT_RATE } from '../../src/audio/frame';

/** `ms` of digital silence. */
export function silence(ms: number, rate = ENGINE_INPUT_RATE): Int16Array {
  return new Int16Array(Math.round((ms / 1000) * rate));
}

/**
 * A cough-like burst: broadband noise under a fast attack and exponential decay, deterministic
 * (seeded) so tests see the same samples every run.
 */
export function noiseBurst(ms: number, options: { rate?: number; level?: number; seed?: number } = {}): Int16Array {
  const rate = options.rate ?? ENGINE_INPUT_RATE;
  const level = options.level ?? 0.5;
  const out = new Int16Array(Math.round((ms / 1000) * rate));
  const attack = Math.max(1, Math.round(0.005 * rate));
  const decay = out.length / 5; // down to e^-5 (about -43 dB) by the end
  let seed = options.seed ?? 1;
  for (let i = 0; i < out.length; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; // LCG: enough for test noise
    const noise = seed / 2 ** 31 - 1;
    const envelope = Math.min(1, i / attack) * Math.exp(-i / decay);
    out[i] = Math.round(noise * envelope * level * 32767);
  }
  return out;
}

/** A sine tone at `frequency` Hz and `level` (0..1 of full scale). */
export function sine(frequency: number, ms: number, options: { rate?: number; level?: number } = {}): Int16Array {
  const rate = options.rate ?? ENGINE_INPUT_RATE;
  const level = options.level ?? 0.5;
  const out = new Int16Array(Math.round((ms / 1000) * rate));
  for (let i = 0; i < out.length; i++)
    out[i] = Math.round(Math.sin((2 * Math.PI * frequency * i) / rate) * level * 32767);
  return out;
}

/** Joins sample buffers end to end. */
export function concat(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Splits samples into consecutive chunks of `size` (the last may be shorter). */
export function chunks(samples: Int16Array, size: number): Int16Array[] {
  const out: Int16Array[] = [];
  for (let at = 0; at < samples.length; at += size) out.push(samples.subarray(at, at + size));
  return out;
}
