import { clampInt16 } from './pcm';

/** Zero crossings of the sinc kept on each side (at the lower of the two rates): quality vs cost. */
const ZERO_CROSSINGS = 16;
/** Passband edge as a fraction of the lower Nyquist frequency; the rest is transition band. */
const ROLLOFF = 0.9;
/** Kaiser window shape: about 80 dB of stopband attenuation. */
const KAISER_BETA = 8;

/**
 * Streaming mono Int16 resampler: a polyphase windowed-sinc FIR for the exact rational ratio
 * out/in. Input history and the output clock carry across push() calls, so a stream cut into
 * any chunk sizes gives the same samples as one call (no clicks at chunk boundaries).
 * Output sample k sits at input time k * in/out (no delay); the price is a lookahead of
 * `ZERO_CROSSINGS / min(1, out/in)` input samples, which flush() releases at the end.
 */
export class Resampler {
  private readonly up: number;
  private readonly down: number;
  /** Taps on each side of the output instant, in input samples. */
  private readonly half: number;
  /** coefficients[phase * 2half + j]: weight of input (base - half + 1 + j) for that phase. */
  private readonly coefficients: Float32Array;
  /** Input samples from absolute index `historyStart` onward (earlier ones are no longer needed). */
  private history: Float32Array;
  private historyStart: number;
  private historyLength = 0;
  /** Absolute count of input samples pushed so far. */
  private consumed = 0;
  /** Index of the next output sample. */
  private produced = 0;

  constructor(
    readonly inputRate: number,
    readonly outputRate: number,
  ) {
    for (const rate of [inputRate, outputRate]) {
      if (!Number.isInteger(rate) || rate <= 0)
        throw new RangeError(`sample rate must be a positive integer, got ${rate}`);
    }
    const g = gcd(inputRate, outputRate);
    this.up = outputRate / g;
    this.down = inputRate / g;
    const ratio = Math.min(1, this.up / this.down);
    this.half = this.up === this.down ? 1 : Math.ceil(ZERO_CROSSINGS / ratio);
    this.coefficients = designPolyphase(this.up, this.half, ratio);
    // Zeros stand in for the samples before the stream began.
    this.historyStart = -(this.half - 1);
    this.history = new Float32Array(4096);
    this.historyLength = this.half - 1;
  }

  /** Feeds input samples; returns the output samples they complete (may be empty). */
  push(samples: Int16Array): Int16Array {
    this.append(samples, samples.length);
    this.consumed += samples.length;
    return this.drain(this.consumed);
  }

  /** Ends the stream: returns the remaining output (input padded with silence), then resets. */
  flush(): Int16Array {
    const total = Math.ceil((this.consumed * this.up) / this.down);
    this.append(null, this.half);
    const out = this.drain(this.consumed + this.half, total);
    this.reset();
    return out;
  }

  /** Forgets all history, ready for an unrelated stream. */
  reset(): void {
    this.historyStart = -(this.half - 1);
    this.history.fill(0, 0, this.half - 1);
    this.historyLength = this.half - 1;
    this.consumed = 0;
    this.produced = 0;
  }

  private append(samples: Int16Array | null, count: number): void {
    if (this.historyLength + count > this.history.length) {
      const grown = new Float32Array(Math.max(this.history.length * 2, this.historyLength + count));
      grown.set(this.history.subarray(0, this.historyLength));
      this.history = grown;
    }
    const target = this.history.subarray(this.historyLength, this.historyLength + count);
    if (samples) for (let i = 0; i < count; i++) target[i] = (samples[i] as number) / 32768;
    else target.fill(0);
    this.historyLength += count;
  }

  /** Computes every output whose taps lie below input index `available` (and below `limit`). */
  private drain(available: number, limit = Number.POSITIVE_INFINITY): Int16Array {
    const { up, down, half, coefficients, history, historyStart } = this;
    const taps = 2 * half;
    // Output k needs inputs up to floor(k*down/up) + half.
    const reachable = available <= half ? 0 : Math.ceil(((available - half) * up) / down);
    const end = Math.max(this.produced, Math.min(reachable, limit));
    const out = new Int16Array(end - this.produced);
    for (let k = this.produced; k < end; k++) {
      const t = k * down;
      const base = Math.floor(t / up);
      const phase = t - base * up;
      const first = base - half + 1 - historyStart;
      const c = phase * taps;
      let acc = 0;
      for (let j = 0; j < taps; j++) acc += (coefficients[c + j] as number) * (history[first + j] as number);
      out[k - this.produced] = clampInt16(acc * 32768);
    }
    this.produced = end;
    this.discardBefore(Math.floor((end * down) / up) - half + 1);
    return out;
  }

  /** Drops history older than absolute input index `index`. */
  private discardBefore(index: number): void {
    const drop = index - this.historyStart;
    if (drop <= 0) return;
    this.history.copyWithin(0, drop, this.historyLength);
    this.historyLength -= drop;
    this.historyStart = index;
  }
}

/** Resamples a whole buffer in one go (a fresh stream, flushed). */
export function resample(samples: Int16Array, inputRate: number, outputRate: number): Int16Array {
  if (inputRate === outputRate) return samples.slice();
  const r = new Resampler(inputRate, outputRate);
  const head = r.push(samples);
  const tail = r.flush();
  const out = new Int16Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}

/**
 * Kaiser-windowed sinc sampled at `up` times the input rate, split into `up` phases of 2*half
 * taps. Each phase is normalised to unit DC gain so every output phase has the same level.
 */
function designPolyphase(up: number, half: number, ratio: number): Float32Array {
  const taps = 2 * half;
  const out = new Float32Array(up * taps);
  if (up === 1 && half === 1) {
    out[0] = 1; // equal rates: pass-through (tap j=0 is input `base`)
    return out;
  }
  const cutoff = ROLLOFF * ratio; // in cycles per input sample, times 2
  const span = half * up;
  const i0Beta = besselI0(KAISER_BETA);
  for (let phase = 0; phase < up; phase++) {
    let sum = 0;
    for (let j = 0; j < taps; j++) {
      // Distance from the output instant to this input, in input samples.
      const d = (phase + (half - 1 - j) * up) / up;
      const x = (d * up) / span;
      const w = Math.abs(x) >= 1 ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - x * x)) / i0Beta;
      const v = sinc(cutoff * d) * w;
      out[phase * taps + j] = v;
      sum += v;
    }
    for (let j = 0; j < taps; j++) out[phase * taps + j] = (out[phase * taps + j] as number) / sum;
  }
  return out;
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/** Modified Bessel function of the first kind, order 0 (series; converges fast for x < 30). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 50; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
