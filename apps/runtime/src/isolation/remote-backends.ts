import type { EspeakBackend, TurnModelLoader } from '@parley/engine';
import type { ServiceClient } from './service-client';

/** eSpeak NG in the runtime's shared programs: the call process's backend (setEspeakBackend). */
export function remoteEspeak(client: ServiceClient): EspeakBackend {
  return async (text, { voice, rate }, timeoutMs) =>
    (await client.request({ kind: 'espeak', text, voice, rate, timeoutMs })) as Uint8Array;
}

/**
 * End-of-turn models loaded once in the runtime for all its calls: the call process's loader
 * (setTurnModelLoader). Closing a detector leaves the shared model loaded for the others.
 */
export function remoteTurnModels(client: ServiceClient): TurnModelLoader {
  return async (spec) => {
    await client.request({ kind: 'turn_open', spec });
    return {
      predict: async (context, timeoutMs, signal) => {
        const value = await client.request({ kind: 'turn_predict', spec, context, timeoutMs }, signal);
        return typeof value === 'number' ? value : undefined;
      },
      close: async () => {},
    };
  };
}
