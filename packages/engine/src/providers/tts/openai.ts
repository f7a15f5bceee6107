import { Pcm16Chunker } from '../../audio/pcm16-chunker';
import { providerErrorFrom, providerTimeoutError } from '../http-errors';
import { startIdleDeadline } from '../idle-deadline';
import { OPENAI_DEFAULT_TIMEOUT_MS, type OpenAiEndpoint, openAiErrorContext, openAiSdkClient } from '../openai-client';
import type { Tts } from './types';

export interface OpenAiTtsOptions extends OpenAiEndpoint {
  /** e.g. 'gpt-4o-mini-tts', 'tts-1'. */
  model: string;
  /** e.g. 'alloy', 'coral'. */
  voice: string;
  /** Speaking style, for models that take instructions (gpt-4o-mini-tts). */
  instructions?: string;
  speed?: number;
}

/** OpenAI's 'pcm' response format: 24 kHz, 16-bit little-endian, mono. */
export const OPENAI_TTS_SAMPLE_RATE = 24000;

/** Text-to-speech over an OpenAI-compatible /audio/speech endpoint, streamed as it is generated. */
export function createOpenAiTts(options: OpenAiTtsOptions): Tts {
  const client = openAiSdkClient(options);
  const errors = openAiErrorContext(options);
  const timeoutMs = options.timeoutMs ?? OPENAI_DEFAULT_TIMEOUT_MS;

  async function* synthesize(text: string, { signal }: { signal?: AbortSignal } = {}): AsyncGenerator<Int16Array> {
    if (signal?.aborted) return;
    const sdk = await client();
    // timeoutMs bounds the wait for the first byte and every silence in the audio stream.
    const deadline = startIdleDeadline(timeoutMs, signal);
    const chunker = new Pcm16Chunker();
    try {
      const response = await sdk.audio.speech.create(
        {
          model: options.model,
          voice: options.voice,
          input: text,
          response_format: 'pcm',
          ...(options.instructions ? { instructions: options.instructions } : {}),
          ...(options.speed === undefined ? {} : { speed: options.speed }),
        },
        { signal: deadline.signal },
      );
      if (!response.body) return;
      for await (const bytes of response.body) {
        deadline.touch();
        const samples = chunker.push(bytes);
        if (samples.length > 0) yield samples;
      }
    } catch (err) {
      if (signal?.aborted) return;
      throw deadline.expired ? providerTimeoutError(errors, timeoutMs) : providerErrorFrom(errors, err, timeoutMs);
    } finally {
      deadline.dispose();
    }
  }

  return { id: 'openai', sampleRate: OPENAI_TTS_SAMPLE_RATE, synthesize };
}
