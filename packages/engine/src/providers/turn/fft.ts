/**
 * A mixed-radix complex FFT for any length, fast when the length has small prime factors.
 * Written here because Whisper-style features need a 400-point FFT (2^4 * 5^2), which
 * power-of-two FFT libraries cannot do, and a dependency for ~80 lines is not worth it.
 */
export class Fft {
  private readonly order: Uint32Array;
  private readonly stages: Stage[];
  private readonly scratchRe: Float64Array;
  private readonly scratchIm: Float64Array;
  private readonly groupRe: Float64Array;
  private readonly groupIm: Float64Array;

  constructor(readonly size: number) {
    const factors = factorize(size);
    this.order = Uint32Array.from(
      inputOrder(
        Array.from({ length: size }, (_, i) => i),
        factors,
      ),
    );
    let span = 1;
    this.stages = factors.map((radix) => {
      const stage = planStage(radix, span);
      span *= radix;
      return stage;
    });
    this.scratchRe = new Float64Array(size);
    this.scratchIm = new Float64Array(size);
    const largest = Math.max(1, ...factors);
    this.groupRe = new Float64Array(largest);
    this.groupIm = new Float64Array(largest);
  }

  /** Forward transform in place: X[k] = sum x[n] e^(-2 pi i k n / size). */
  transform(re: Float64Array, im: Float64Array): void {
    const n = this.size;
    const { scratchRe: sr, scratchIm: si, groupRe: gr, groupIm: gi } = this;
    // Typed-array reads below use `!`: indices stay in range by construction.
    for (let i = 0; i < n; i++) {
      sr[i] = re[this.order[i]!]!;
      si[i] = im[this.order[i]!]!;
    }
    re.set(sr);
    im.set(si);
    // Decimation in time: each stage merges `radix` transforms of length `span` into one of
    // length span*radix. A butterfly reads and writes the same slots, so it works in place.
    for (const { radix, span, twiddleRe, twiddleIm, rotationRe, rotationIm } of this.stages) {
      const length = span * radix;
      for (let start = 0; start < n; start += length) {
        for (let j = 0; j < span; j++) {
          for (let q = 0; q < radix; q++) {
            const at = start + j + q * span;
            const wr = twiddleRe[j * radix + q]!;
            const wi = twiddleIm[j * radix + q]!;
            gr[q] = re[at]! * wr - im[at]! * wi;
            gi[q] = re[at]! * wi + im[at]! * wr;
          }
          for (let r = 0; r < radix; r++) {
            let sumRe = 0;
            let sumIm = 0;
            for (let q = 0; q < radix; q++) {
              const wr = rotationRe[r * radix + q]!;
              const wi = rotationIm[r * radix + q]!;
              sumRe += gr[q]! * wr - gi[q]! * wi;
              sumIm += gr[q]! * wi + gi[q]! * wr;
            }
            re[start + j + r * span] = sumRe;
            im[start + j + r * span] = sumIm;
          }
        }
      }
    }
  }
}

/** Precomputed factors of one stage: twiddles W_length^(j*q) and the radix-point DFT matrix W_radix^(r*q). */
interface Stage {
  radix: number;
  span: number;
  twiddleRe: Float64Array;
  twiddleIm: Float64Array;
  rotationRe: Float64Array;
  rotationIm: Float64Array;
}

function planStage(radix: number, span: number): Stage {
  const length = span * radix;
  const twiddleRe = new Float64Array(span * radix);
  const twiddleIm = new Float64Array(span * radix);
  for (let j = 0; j < span; j++) {
    for (let q = 0; q < radix; q++) {
      const angle = (-2 * Math.PI * j * q) / length;
      twiddleRe[j * radix + q] = Math.cos(angle);
      twiddleIm[j * radix + q] = Math.sin(angle);
    }
  }
  const rotationRe = new Float64Array(radix * radix);
  const rotationIm = new Float64Array(radix * radix);
  for (let r = 0; r < radix; r++) {
    for (let q = 0; q < radix; q++) {
      const angle = (-2 * Math.PI * ((r * q) % radix)) / radix;
      rotationRe[r * radix + q] = Math.cos(angle);
      rotationIm[r * radix + q] = Math.sin(angle);
    }
  }
  return { radix, span, twiddleRe, twiddleIm, rotationRe, rotationIm };
}

/** Radices for the stages, smallest transforms first; 4 before 2 halves the number of stages. */
function factorize(size: number): number[] {
  const factors: number[] = [];
  let rest = size;
  for (const radix of [4, 2, 3, 5]) {
    while (rest % radix === 0) {
      factors.push(radix);
      rest /= radix;
    }
  }
  for (let prime = 7; rest > 1; prime += 2) {
    while (rest % prime === 0) {
      factors.push(prime);
      rest /= prime;
    }
  }
  return factors;
}

/** Input order for decimation in time: the last stage splits by the last radix, recursively. */
function inputOrder(indices: number[], factors: number[]): number[] {
  const radix = factors.at(-1);
  if (indices.length === 1 || radix === undefined) return indices;
  const inner = factors.slice(0, -1);
  const order: number[] = [];
  for (let q = 0; q < radix; q++) {
    order.push(
      ...inputOrder(
        indices.filter((_, i) => i % radix === q),
        inner,
      ),
    );
  }
  return order;
}
