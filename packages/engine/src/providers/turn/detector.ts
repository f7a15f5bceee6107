import { BuiltinTextModel, builtinSupportsLanguage } from './builtin-text';
import { resolveAudioModelFiles, resolveTextModelFiles } from './model-files';
import { loadTurnModel, type TurnModelRunner } from './model-runner';
import { turnModelPath } from './models-folder';
import { TurnThresholds } from './thresholds';
import type { EndOfTurnContext, EndOfTurnDetector, TurnModelSettings } from './types';

/**
 * The end-of-turn detector that settings.turnModel asks for: 'builtin' runs in-process (it
 * takes microseconds); 'text' and 'audio' load the ONNX model named turnModel.model from the
 * models folder `modelsDir` where this process runs its models (see setTurnModelLoader). A model that is not installed, or misses files,
 * rejects with a TurnModelSetupError naming the model and the missing piece (never a path).
 */
export async function createEndOfTurnDetector(
  settings: TurnModelSettings,
  modelsDir?: string,
): Promise<EndOfTurnDetector> {
  const thresholds = new TurnThresholds(settings.thresholds);
  if (settings.kind === 'builtin') return new BuiltinTurnDetector(thresholds);
  const path = turnModelPath(modelsDir, settings.model);
  // Check the files here too, so a bad model fails fast with no worker started.
  if (settings.kind === 'text') resolveTextModelFiles(path);
  else resolveAudioModelFiles(path);
  const model = await loadTurnModel({ kind: settings.kind, path });
  return new ModelTurnDetector(settings.kind, model, thresholds, settings.timeout);
}

class BuiltinTurnDetector implements EndOfTurnDetector {
  readonly kind = 'builtin';
  readonly needsAudio = false;
  private readonly model = new BuiltinTextModel();

  constructor(private readonly thresholds: TurnThresholds) {}

  async predict(context: EndOfTurnContext, signal?: AbortSignal): Promise<number | undefined> {
    signal?.throwIfAborted();
    return this.model.predict(context);
  }

  threshold(language: string): number | undefined {
    return builtinSupportsLanguage(language) ? this.thresholds.for(language) : undefined;
  }

  async close(): Promise<void> {}
}

class ModelTurnDetector implements EndOfTurnDetector {
  readonly needsAudio: boolean;

  constructor(
    readonly kind: 'text' | 'audio',
    private readonly model: TurnModelRunner,
    private readonly thresholds: TurnThresholds,
    private readonly timeoutMs: number,
  ) {
    this.needsAudio = kind === 'audio';
  }

  predict(context: EndOfTurnContext, signal?: AbortSignal): Promise<number | undefined> {
    // A text model never reads the audio: do not copy it into the worker.
    const sent = this.needsAudio ? context : { chat: context.chat, language: context.language };
    return this.model.predict(sent, this.timeoutMs, signal);
  }

  threshold(language: string): number | undefined {
    return this.thresholds.for(language);
  }

  close(): Promise<void> {
    return this.model.close();
  }
}
