import { readWav } from '../../audio/wav';
import { ProviderError } from '../errors';
import { espeakToWav } from './espeak-process';
import type { Tts } from './types';

/** espeak-ng always renders at this rate. */
export const ESPEAK_SAMPLE_RATE = 22050;
/** Chunk length handed to the session: 20 ms, a usual audio frame. */
const CHUNK_SAMPLES = ESPEAK_SAMPLE_RATE / 50;

export interface EspeakOptions {
  /** espeak-ng voice name (default 'en-us'). */
  voice?: string;
  /** Speaking rate in words per minute (default 175, espeak's own). */
  rate?: number;
  /** The `parley-espeak` script to run (default: the one of the installed `@parley/espeak`). */
  program?: string;
  /** How long one sentence may take before the program is deemed stuck and killed (default 10 s). */
  timeoutMs?: number;
}

/**
 * The offline default TTS: eSpeak NG, run as a separate GPL-licensed program (`@parley/espeak`)
 * kept warm per process. A whole sentence is synthesized at once (a few tens of ms), then
 * streamed as 20 ms chunks. Aborting stops the stream with the signal's reason.
 */
export function createEspeakTts(options: EspeakOptions = {}): Tts {
  const voice = options.voice ?? 'en-us';
  const rate = options.rate ?? 175;
  return {
    id: 'espeak',
    sampleRate: ESPEAK_SAMPLE_RATE,
    async *synthesize(text, { signal } = {}) {
      signal?.throwIfAborted();
      if (text.trim() === '') return;
      const wav = readWav(await espeakToWav(text, { voice, rate }, options.program, options.timeoutMs));
      if (wav.sampleRate !== ESPEAK_SAMPLE_RATE) {
        throw new ProviderError(
          'espeak',
          'server',
          `The eSpeak NG program answered at ${wav.sampleRate} Hz, not 22050.`,
        );
      }
      for (let at = 0; at < wav.samples.length; at += CHUNK_SAMPLES) {
        signal?.throwIfAborted();
        yield wav.samples.slice(at, at + CHUNK_SAMPLES);
      }
    },
  };
}
