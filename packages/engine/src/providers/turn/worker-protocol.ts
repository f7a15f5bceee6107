import type { EndOfTurnContext } from './types';

/** Which ONNX model a worker loads (its workerData). */
export interface TurnModelSpec {
  kind: 'text' | 'audio';
  path: string;
}

/** Main thread -> worker. */
export type WorkerRequest =
  | { type: 'predict'; id: number; context: EndOfTurnContext }
  /** The caller gave up on this prediction (timeout or abort): skip it if it has not started. */
  | { type: 'cancel'; id: number }
  /** Finish the inference under way, release the model and exit. */
  | { type: 'close' };

/** Worker -> main thread. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'load_failed'; name: string; message: string }
  | { type: 'result'; id: number; probability: number }
  | { type: 'failed'; id: number; message: string };
