import type { EndOfTurnContext } from './types';
import { TurnModelWorker } from './worker';
import type { TurnModelSpec } from './worker-protocol';

/** A loaded end-of-turn ONNX model answering predictions: a worker thread here, or one shared by a runtime's calls. */
export interface TurnModelRunner {
  /** The probability, undefined when no answer came within `timeoutMs`; rejects with the signal's reason when aborted. */
  predict(context: EndOfTurnContext, timeoutMs: number, signal?: AbortSignal): Promise<number | undefined>;
  /** Releases this user's hold on the model. */
  close(): Promise<void>;
}

/** Loads the model `spec` names; rejects with a TurnModelSetupError when it cannot. */
export type TurnModelLoader = (spec: TurnModelSpec) => Promise<TurnModelRunner>;

const ownWorker: TurnModelLoader = (spec) => TurnModelWorker.start(spec);
let loader: TurnModelLoader = ownWorker;

/**
 * Where this process's end-of-turn models run (null: a worker thread of its own per detector).
 * Call processes use the runtime's shared models, one copy per machine.
 */
export function setTurnModelLoader(shared: TurnModelLoader | null): void {
  loader = shared ?? ownWorker;
}

/** Loads the model `spec` names where this process runs its models. */
export function loadTurnModel(spec: TurnModelSpec): Promise<TurnModelRunner> {
  return loader(spec);
}
