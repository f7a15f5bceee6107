import * as ort from 'onnxruntime-node';
import type { TurnModelConfig } from './model-files';

/**
 * Opens an ONNX model for turn detection. One intra-op thread: the models are small, the
 * machine is shared with VAD, STT and TTS, and one thread keeps latency steady.
 */
export function openOnnxSession(file: string): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(file, { intraOpNumThreads: 1, interOpNumThreads: 1 });
}

/** The logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Reads a single-value model output as a probability. A value outside 0..1 cannot be a
 * probability, so it is taken as a logit even when the config says otherwise.
 */
export function outputProbability(value: number, output: TurnModelConfig['output']): number {
  if (output === 'logit' || value < 0 || value > 1) return sigmoid(value);
  return value;
}
