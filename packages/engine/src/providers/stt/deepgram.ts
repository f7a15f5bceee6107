import type { DeepgramClient } from '@deepgram/sdk';
import { ENGINE_INPUT_RATE } from '../../audio/frame';
import type { ProviderErrorContext } from '../http-errors';
import { DeepgramSttStream } from './deepgram-stream';
import type { Stt, SttStream } from './types';

export interface DeepgramSttOptions {
  apiKey: string;
  /** Deepgram model, e.g. `nova-3`. */
  model?: string;
  /** Where the live socket connects; tests point it at a local server. Default: Deepgram's API. */
  baseUrl?: string;
  /** Silence (ms) after which Deepgram ends an utterance on its own (`endpointing`). */
  endpointingMs?: number;
  connectTimeoutMs?: number;
  /** KeepAlive is sent when no audio went out for this long (Deepgram idles out after ~10 s). */
  keepAliveMs?: number;
  /** How long close() waits for Deepgram's last results after CloseStream. */
  closeTimeoutMs?: number;
}

/** Deepgram streaming speech-to-text: 16 kHz linear16 mono in, interim and final transcripts out. */
export class DeepgramStt implements Stt {
  readonly id = 'deepgram';
  readonly streaming = true;
  private client: Promise<DeepgramClient> | null = null;
  private readonly ctx: ProviderErrorContext;

  constructor(private readonly options: DeepgramSttOptions) {
    this.ctx = { provider: 'deepgram', label: 'Deepgram', keyEnv: 'DEEPGRAM_API_KEY', secrets: [options.apiKey] };
  }

  /** Opens a live transcription socket for one caller. */
  stream(options: { language: string }): SttStream {
    const connectTimeoutMs = this.options.connectTimeoutMs ?? 5000;
    // The SDK is imported on first use: loading it costs a call process ~0.4 s of CPU at boot.
    this.client ??= import('@deepgram/sdk').then(
      ({ DeepgramClient }) =>
        new DeepgramClient({
          apiKey: this.options.apiKey,
          ...(this.options.baseUrl ? { baseUrl: this.options.baseUrl } : {}),
        }),
    );
    return new DeepgramSttStream(
      this.client,
      {
        model: this.options.model ?? 'nova-3',
        language: options.language,
        encoding: 'linear16',
        sample_rate: ENGINE_INPUT_RATE,
        channels: 1,
        interim_results: 'true',
        punctuate: 'true',
        endpointing: this.options.endpointingMs ?? 300,
        // Reconnection is the stream's job (once, at once); the SDK would retry 30 times with backoff.
        reconnectAttempts: 0,
        connectionTimeoutInSeconds: connectTimeoutMs / 1000,
      },
      this.ctx,
      {
        connectTimeoutMs,
        keepAliveMs: this.options.keepAliveMs ?? 4000,
        closeTimeoutMs: this.options.closeTimeoutMs ?? 3000,
      },
    );
  }
}

/** Creates the Deepgram streaming STT (house style: providers are made by `create*`). */
export function createDeepgramStt(options: DeepgramSttOptions): DeepgramStt {
  return new DeepgramStt(options);
}
