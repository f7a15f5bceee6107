import type { Vad, VadSettings } from './types';
import { createVadStream } from './vad-stream';

/** The offline default VAD: Silero v5 through onnxruntime-node, one stream per caller. */
export function createSileroVad(settings: VadSettings): Vad {
  return { id: 'silero', stream: () => createVadStream(settings) };
}
