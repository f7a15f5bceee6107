/** Int16 PCM to float in [-1, 1), the form ONNX models and DSP code want. */
export function int16ToFloat32(samples: Int16Array, out = new Float32Array(samples.length)): Float32Array {
  for (let i = 0; i < samples.length; i++) out[i] = (samples[i] as number) / 32768;
  return out;
}

/** Float in [-1, 1] to Int16 PCM, rounded and clipped at full scale. */
export function float32ToInt16(samples: Float32Array | Float64Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = clampInt16((samples[i] as number) * 32768);
  return out;
}

/** Rounds and clips one sample value to the Int16 range. */
export function clampInt16(value: number): number {
  const v = Math.round(value);
  return Math.min(32767, Math.max(v, -32768));
}

/** Root mean square level, 0..1 of full scale (0 for an empty buffer). */
export function rms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = (samples[i] as number) / 32768;
    sum += v * v;
  }
  return Math.sqrt(sum / samples.length);
}

/** Largest absolute sample, 0..1 of full scale. */
export function peak(samples: Int16Array): number {
  let max = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = Math.abs(samples[i] as number);
    if (v > max) max = v;
  }
  return max / 32768;
}

/** A 0..1 level in dB relative to full scale (-Infinity for silence). */
export function toDbfs(level: number): number {
  return 20 * Math.log10(level);
}
