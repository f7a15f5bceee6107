import { ENGINE_INPUT_RATE } from '../../audio/frame';
import { writeWav } from '../../audio/wav';
import { providerErrorFrom } from '../http-errors';
import { OPENAI_DEFAULT_TIMEOUT_MS, type OpenAiEndpoint, openAiErrorContext, openAiSdkClient } from '../openai-client';
import type { Stt, SttEvent, SttStream } from './types';

export interface OpenAiSttOptions extends OpenAiEndpoint {
  /** e.g. 'whisper-1', 'gpt-4o-mini-transcribe'. */
  model: string;
}

/** Batch speech-to-text over an OpenAI-compatible /audio/transcriptions endpoint. */
export function createOpenAiStt(options: OpenAiSttOptions): Stt {
  const client = openAiSdkClient(options);
  const errors = openAiErrorContext(options);
  const timeoutMs = options.timeoutMs ?? OPENAI_DEFAULT_TIMEOUT_MS;

  return {
    id: 'openai',
    streaming: false,
    stream({ language }): SttStream {
      const listeners: ((event: SttEvent) => void)[] = [];
      const inFlight = new AbortController();
      let buffered: Int16Array[] = [];
      // Each utterance is transcribed in turn, so finals arrive in speaking order.
      let queue: Promise<void> = Promise.resolve();
      const emit = (event: SttEvent) => {
        for (const listener of listeners) listener(event);
      };

      const transcribe = async (samples: Int16Array) => {
        try {
          const { toFile } = await import('openai');
          const file = await toFile(writeWav({ samples, sampleRate: ENGINE_INPUT_RATE }), 'speech.wav', {
            type: 'audio/wav',
          });
          const result = await (await client()).audio.transcriptions.create(
            // The API takes ISO-639-1 ('en'), sessions speak BCP-47 ('en-US').
            { file, model: options.model, language: language.split('-')[0], response_format: 'json' },
            { signal: inFlight.signal },
          );
          emit({ type: 'final', text: result.text.trim() });
        } catch (err) {
          if (!inFlight.signal.aborted) emit({ type: 'error', error: providerErrorFrom(errors, err, timeoutMs) });
        }
      };

      return {
        pushAudio(samples) {
          buffered.push(samples);
        },
        endOfSpeech() {
          const samples = concat(buffered);
          buffered = [];
          if (samples.length === 0) return;
          queue = queue.then(() => transcribe(samples));
        },
        discard() {
          buffered = [];
        },
        onEvent(listener) {
          listeners.push(listener);
        },
        async close() {
          buffered = [];
          inFlight.abort();
          await queue;
        },
      };
    },
  };
}

function concat(chunks: Int16Array[]): Int16Array {
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
