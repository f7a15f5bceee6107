/**
 * Streaming linear-interpolation resampler for agent audio (s16 at the TTS rate -> float at the
 * output rate). It keeps its phase and last sample between chunks, so chunk edges do not click.
 */
export class LinearResampler {
  private phase = 0;
  private last = 0;

  constructor(
    readonly fromRate: number,
    readonly toRate: number,
  ) {}

  /** Resamples one chunk of s16 samples into floats in [-1, 1]. */
  push(samples: Int16Array): Float32Array {
    const step = this.fromRate / this.toRate;
    const out: number[] = [];
    // Positions are relative to this chunk; -1 is the last sample of the previous chunk.
    let position = this.phase;
    while (position < samples.length - 1 + 1e-9) {
      const index = Math.floor(position);
      const fraction = position - index;
      const a = index < 0 ? this.last : (samples[index] ?? 0);
      const b = samples[index + 1] ?? a;
      out.push((a + (b - a) * fraction) / 32768);
      position += step;
    }
    if (samples.length > 0) {
      this.last = samples[samples.length - 1] ?? 0;
      this.phase = position - samples.length;
    }
    return Float32Array.from(out);
  }
}
