import type { ReplayResult, TurnHandlingOverrides } from '@parley/engine';
import type { RecordingStoreConfig } from './recordings-config';

/** One replay: which recording, from which store, under which settings. */
export interface ReplayJob {
  store: RecordingStoreConfig;
  callId: string;
  overrides: TurnHandlingOverrides;
}

/** Parent -> replay process. */
export type ReplayParentMessage = { type: 'run'; job: ReplayJob };

/** Replay process -> parent. */
export type ReplayChildMessage =
  | { type: 'ready' }
  | { type: 'result'; result: ReplayResult }
  | { type: 'missing' }
  | { type: 'failed'; reason: string };
