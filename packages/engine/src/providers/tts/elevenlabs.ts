import { Pcm16Chunker } from '../../audio/pcm16-chunker';
import {
  type ProviderErrorContext,
  providerErrorFrom,
  providerErrorFromStatus,
  providerTimeoutError,
} from '../http-errors';
import { elevenLabsErrorText } from './elevenlabs-errors';
import type { Tts } from './types';

/** Output rates ElevenLabs offers as raw PCM (`pcm_<rate>`). */
export type ElevenLabsSampleRate = 8000 | 16000 | 22050 | 24000 | 44100;

export interface ElevenLabsTtsOptions {
  apiKey: string;
  voiceId: string;
  /** Model id, e.g. `eleven_flash_v2_5` (the low-latency one). */
  model?: string;
  /** Default 24000. */
  sampleRate?: ElevenLabsSampleRate;
  /** API origin; tests point it at a local server. Default `https://api.elevenlabs.io`. */
  baseUrl?: string;
  voiceSettings?: { stability?: number; similarity_boost?: number; style?: number; speed?: number };
  /** Fail when no bytes arrive for this long (before the headers or between chunks). */
  timeoutMs?: number;
}

/**
 * ElevenLabs TTS over the HTTP streaming endpoint (`POST /v1/text-to-speech/{voice}/stream`).
 * The session sends whole sentences, so the WebSocket input-streaming API buys nothing here:
 * it exists to stream text in, and it closes after each generation, costing a handshake per
 * sentence anyway; HTTP reuses pooled connections, maps failures straight from the status,
 * and cancels with the request. Audio is yielded as the response body streams in. An aborted
 * signal ends the iteration quietly and cancels the request.
 */
export class ElevenLabsTts implements Tts {
  readonly id = 'elevenlabs';
  readonly sampleRate: ElevenLabsSampleRate;
  private readonly ctx: ProviderErrorContext;

  constructor(private readonly options: ElevenLabsTtsOptions) {
    this.sampleRate = options.sampleRate ?? 24000;
    this.ctx = { provider: 'elevenlabs', label: 'ElevenLabs', keyEnv: 'ELEVENLABS_API_KEY', secrets: [options.apiKey] };
  }

  /** Streams one sentence's PCM (16-bit mono at `sampleRate`); throws a ProviderError on failure. */
  async *synthesize(text: string, options: { signal?: AbortSignal } = {}): AsyncIterable<Int16Array> {
    const { signal } = options;
    if (signal?.aborted) return;
    const timeoutMs = this.options.timeoutMs ?? 10000;
    const request = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        request.abort();
      }, timeoutMs);
    };
    const onAbort = () => request.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      arm();
      const response = await fetch(this.url(), {
        method: 'POST',
        headers: { 'xi-api-key': this.options.apiKey, 'content-type': 'application/json', accept: 'audio/pcm' },
        body: JSON.stringify({
          text,
          model_id: this.options.model ?? 'eleven_flash_v2_5',
          ...(this.options.voiceSettings ? { voice_settings: this.options.voiceSettings } : {}),
        }),
        signal: request.signal,
      });
      if (!response.ok || !response.body) {
        const body = await response.text();
        throw providerErrorFromStatus(this.ctx, response.status, {
          message: elevenLabsErrorText(body),
          retryAfter: response.headers.get('retry-after'),
        });
      }
      // HTTP chunks split anywhere, even mid-sample: the chunker carries odd bytes over.
      const chunker = new Pcm16Chunker();
      for await (const bytes of response.body) {
        arm();
        const samples = chunker.push(bytes);
        if (samples.length > 0) yield samples;
      }
    } catch (err) {
      if (signal?.aborted) return;
      if (timedOut) throw providerTimeoutError(this.ctx, timeoutMs);
      throw providerErrorFrom(this.ctx, err, timeoutMs);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Stops the download when the caller stopped reading early.
      request.abort();
    }
  }

  private url(): string {
    const base = (this.options.baseUrl ?? 'https://api.elevenlabs.io').replace(/\/$/, '');
    return `${base}/v1/text-to-speech/${encodeURIComponent(this.options.voiceId)}/stream?output_format=pcm_${this.sampleRate}`;
  }
}

/** Creates the ElevenLabs streaming TTS. */
export function createElevenLabsTts(options: ElevenLabsTtsOptions): ElevenLabsTts {
  return new ElevenLabsTts(options);
}
