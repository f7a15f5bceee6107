import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import {
  EspeakPool,
  ProviderError,
  TurnModelSetupError,
  type TurnModelSpec,
  TurnModelWorker,
  turnModelPath,
} from '@parley/engine';
import type { ServiceReply, ServiceRequest } from './ipc-messages';

/** Most eSpeak NG programs the runtime keeps for all its calls: a sentence takes tens of ms. */
const MAX_ESPEAK_PROGRAMS = 2;

/**
 * What the runtime runs once for all its call processes instead of once per call: the eSpeak NG
 * programs (about 120 MB each, as much as a call process) and the end-of-turn ONNX models (one
 * worker thread per model, as LiveKit's inference process does). A call process asks over its IPC
 * channel; a call process that dies leaves them running for the others.
 */
export class SharedServices {
  private readonly espeak = new EspeakPool(Math.min(MAX_ESPEAK_PROGRAMS, availableParallelism()));
  private readonly turnModels = new Map<string, Promise<TurnModelWorker>>();

  /** `turnModelsDir`: the operator's models folder, the only place a shared model is loaded from. */
  constructor(private readonly turnModelsDir?: string) {}

  /** Starts the shared programs now, so the first calls pay no start-up; an optional one missing is not an error. */
  async warm(): Promise<void> {
    await this.espeak.warm().catch(() => {});
  }

  /** Runs one request from a call process; never rejects (failures become the reply). */
  async handle(request: ServiceRequest, signal?: AbortSignal): Promise<ServiceReply> {
    try {
      switch (request.kind) {
        case 'espeak': {
          const { text, voice, rate, timeoutMs } = request;
          return { ok: true, value: await this.espeak.synthesize(text, { voice, rate }, timeoutMs) };
        }
        case 'turn_open':
          await this.turnModel(request.spec);
          return { ok: true, value: null };
        case 'turn_predict': {
          const model = await this.turnModel(request.spec);
          return { ok: true, value: (await model.predict(request.context, request.timeoutMs, signal)) ?? null };
        }
      }
    } catch (error) {
      if (error instanceof ProviderError) {
        return {
          ok: false,
          error: { name: error.name, message: error.message, provider: error.provider, kind: error.kind },
        };
      }
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      return { ok: false, error: { name, message } };
    }
  }

  /** OS process ids of the shared programs running now. */
  pids(): number[] {
    return this.espeak.pids();
  }

  /** How many end-of-turn models are loaded. */
  get turnModelsLoaded(): number {
    return this.turnModels.size;
  }

  /** Stops the shared programs and models. */
  async close(): Promise<void> {
    this.espeak.close();
    const models = [...this.turnModels.values()];
    this.turnModels.clear();
    await Promise.all(models.map(async (loading) => (await loading.catch(() => null))?.close()));
  }

  /** The loaded model `spec` names (loaded now if it is not, or its worker died); only from the models folder. */
  private async turnModel(spec: TurnModelSpec): Promise<TurnModelWorker> {
    if (turnModelPath(this.turnModelsDir, basename(spec.path)) !== spec.path) {
      throw new TurnModelSetupError('a shared turn model must be one installed in the runtime’s models folder');
    }
    const key = `${spec.kind}:${spec.path}`;
    const current = this.turnModels.get(key);
    if (current) {
      const worker = await current.catch(() => null);
      if (worker?.alive) return worker;
      // Another request replaced the dead one while this one waited: use that.
      if (this.turnModels.get(key) !== current) return this.turnModel(spec);
    }
    const loading = TurnModelWorker.start(spec);
    this.turnModels.set(key, loading);
    loading.catch(() => {
      if (this.turnModels.get(key) === loading) this.turnModels.delete(key);
    });
    return loading;
  }
}
