import { randomUUID } from 'node:crypto';
import type { ProviderErrorContext } from '../http-errors';
import { CartesiaConnection } from './cartesia-connection';
import { CartesiaContext } from './cartesia-context';
import type { CartesiaCancel, CartesiaRequest } from './cartesia-protocol';
import type { Tts } from './types';

export interface CartesiaTtsOptions {
  apiKey: string;
  /** Voice id from Cartesia's voice library. */
  voiceId: string;
  /** Model id, e.g. `sonic-2`. */
  model?: string;
  language?: string;
  /** Output rate in Hz (Cartesia supports 8000-48000). Default 24000. */
  sampleRate?: number;
  /** API origin; tests point it at a local server. Default `wss://api.cartesia.ai`. */
  baseUrl?: string;
  /** Value of the `Cartesia-Version` header. */
  version?: string;
  connectTimeoutMs?: number;
  /** Fail a sentence when Cartesia sends nothing for this long. */
  timeoutMs?: number;
  /** Close the shared socket after this long without a sentence in flight. */
  idleCloseMs?: number;
}

/**
 * Cartesia streaming TTS over its WebSocket API, written on `ws` directly: the protocol is a
 * handful of JSON messages, and owning the socket lets every sentence share one connection.
 * Audio chunks are yielded as they arrive. An aborted signal ends the iteration quietly and
 * cancels the context on the server.
 */
export class CartesiaTts implements Tts {
  readonly id = 'cartesia';
  readonly sampleRate: number;
  private readonly connection: CartesiaConnection;
  private readonly ctx: ProviderErrorContext;

  constructor(private readonly options: CartesiaTtsOptions) {
    this.sampleRate = options.sampleRate ?? 24000;
    this.ctx = { provider: 'cartesia', label: 'Cartesia', keyEnv: 'CARTESIA_API_KEY', secrets: [options.apiKey] };
    const base = (options.baseUrl ?? 'wss://api.cartesia.ai').replace(/\/$/, '');
    this.connection = new CartesiaConnection({
      url: `${base}/tts/websocket`,
      // Headers, not the query-string key browsers must use, so the key never sits in a URL.
      headers: { 'X-API-Key': options.apiKey, 'Cartesia-Version': options.version ?? '2025-04-16' },
      ctx: this.ctx,
      connectTimeoutMs: options.connectTimeoutMs ?? 5000,
      idleCloseMs: options.idleCloseMs ?? 30000,
    });
  }

  /** Streams one sentence's PCM (16-bit mono at `sampleRate`); throws a ProviderError on failure. */
  async *synthesize(text: string, options: { signal?: AbortSignal } = {}): AsyncIterable<Int16Array> {
    const { signal } = options;
    if (signal?.aborted) return;
    const contextId = randomUUID();
    const context = new CartesiaContext(this.ctx, this.options.timeoutMs ?? 10000);
    const onAbort = () => context.stop();
    try {
      await this.connection.attach(contextId, context);
      signal?.addEventListener('abort', onAbort, { once: true });
      const request: CartesiaRequest = {
        model_id: this.options.model ?? 'sonic-2',
        transcript: text,
        voice: { mode: 'id', id: this.options.voiceId },
        language: this.options.language ?? 'en',
        context_id: contextId,
        output_format: { container: 'raw', encoding: 'pcm_s16le', sample_rate: this.sampleRate },
        continue: false,
      };
      await this.connection.send(request);
      yield* context.audio();
    } finally {
      context.stop();
      signal?.removeEventListener('abort', onAbort);
      this.connection.detach(contextId);
      if (!context.serverFinished) {
        const cancel: CartesiaCancel = { context_id: contextId, cancel: true };
        await this.connection.send(cancel);
      }
    }
  }

  /** Closes the shared socket (it also closes itself when idle). */
  close(): Promise<void> {
    return this.connection.close();
  }
}

/** Creates the Cartesia streaming TTS. */
export function createCartesiaTts(options: CartesiaTtsOptions): CartesiaTts {
  return new CartesiaTts(options);
}
