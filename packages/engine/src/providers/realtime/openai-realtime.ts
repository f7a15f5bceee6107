import WebSocket from 'ws';
import { ProviderError } from '../errors';
import {
  type ProviderErrorContext,
  providerErrorFrom,
  providerErrorFromStatus,
  providerNetworkError,
  providerTimeoutError,
} from '../http-errors';
import {
  OPENAI_DEFAULT_BASE_URL,
  OPENAI_DEFAULT_TIMEOUT_MS,
  type OpenAiEndpoint,
  openAiErrorContext,
} from '../openai-client';
import { toRealtimeEvent } from './openai-realtime-events';
import { OPENAI_REALTIME_SAMPLE_RATE, sessionUpdatePayload } from './openai-realtime-session';
import { pcm16ToBase64 } from './pcm-base64';
import type { RealtimeEvent, RealtimeModel, RealtimeSession, RealtimeSessionConfig } from './types';

export interface OpenAiRealtimeOptions extends OpenAiEndpoint {
  /** e.g. 'gpt-realtime'. */
  model: string;
}

/** The Realtime WebSocket URL for a REST base URL: same host and path, ws(s) scheme, `/realtime?model=`. */
export function realtimeUrl(baseUrl: string, model: string): URL {
  const url = new URL(baseUrl);
  url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/realtime`;
  url.searchParams.set('model', model);
  return url;
}

/**
 * OpenAI Realtime (speech-to-speech) over WebSocket, spoken directly with `ws`: the SDK's
 * client only accepts wss:// URLs, which would stop it reaching compatible or local servers.
 */
export function createOpenAiRealtime(options: OpenAiRealtimeOptions): RealtimeModel {
  const errors = openAiErrorContext(options);
  const timeoutMs = options.timeoutMs ?? OPENAI_DEFAULT_TIMEOUT_MS;
  return {
    id: 'openai-realtime',
    connect: (config, { signal } = {}) => {
      const url = realtimeUrl(options.baseUrl ?? OPENAI_DEFAULT_BASE_URL, options.model);
      const socket = new WebSocket(url, {
        headers: { Authorization: `Bearer ${options.apiKey}` },
        perMessageDeflate: false,
      });
      return openSocket(socket, errors, timeoutMs, signal).then(() => {
        const session = new OpenAiRealtimeSession(socket, errors);
        session.send({ type: 'session.update', session: sessionUpdatePayload(config, { initial: true }) });
        return session;
      });
    },
  };
}

/** Resolves when the socket is open; rejects with a ProviderError (401, timeout, refused) or the abort reason. */
function openSocket(
  socket: WebSocket,
  errors: ProviderErrorContext,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      cleanup();
      socket.removeAllListeners();
      // A late 'error' from the terminated socket must not go unhandled.
      socket.on('error', () => {});
      socket.terminate();
      reject(error);
    };
    const timer = setTimeout(() => fail(providerTimeoutError(errors, timeoutMs)), timeoutMs);
    const onAbort = () => fail(signal?.reason);
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    if (signal?.aborted) return fail(signal.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('open', () => {
      cleanup();
      resolve();
    });
    socket.once('unexpected-response', (_request, response) => {
      // The handshake was refused with an HTTP answer (401, 429...); its body says why.
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        body += text;
      });
      response.on('end', () => {
        fail(providerErrorFromStatus(errors, response.statusCode ?? 500, httpErrorDetail(body, response.headers)));
      });
      response.on('error', () => fail(providerNetworkError(errors, 'the handshake response broke off')));
    });
    socket.once('error', (err) => fail(providerErrorFrom(errors, err, timeoutMs)));
  });
}

function httpErrorDetail(body: string, headers: Record<string, string | string[] | undefined>) {
  const retryAfter = headers['retry-after'];
  let message: string | undefined;
  try {
    message = (JSON.parse(body) as { error?: { message?: string } }).error?.message;
  } catch {
    message = undefined;
  }
  return { message, retryAfter: typeof retryAfter === 'string' ? retryAfter : null };
}

class OpenAiRealtimeSession implements RealtimeSession {
  readonly sampleRate = OPENAI_REALTIME_SAMPLE_RATE;
  private readonly listeners = new Set<(event: RealtimeEvent) => void>();
  private closing = false;
  private readonly closed: Promise<void>;

  constructor(
    private readonly socket: WebSocket,
    private readonly errors: ProviderErrorContext,
  ) {
    socket.on('message', (data) => this.receive(String(data)));
    // The 'close' that follows carries the news; errors alone need no second report.
    socket.on('error', () => {});
    this.closed = new Promise((resolve) => {
      socket.once('close', (code) => {
        if (!this.closing) {
          const error = providerNetworkError(errors, `the Realtime socket closed unexpectedly (code ${code})`);
          this.emit({ type: 'error', error, fatal: true });
        }
        this.emit({ type: 'closed' });
        resolve();
      });
    });
  }

  onEvent(listener: (event: RealtimeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  pushAudio(samples: Int16Array): void {
    this.send({ type: 'input_audio_buffer.append', audio: pcm16ToBase64(samples) });
  }

  sendUserText(text: string): void {
    this.send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
    });
  }

  update(config: Partial<RealtimeSessionConfig>): void {
    this.send({ type: 'session.update', session: sessionUpdatePayload(config, { initial: false }) });
  }

  sendToolResult(callId: string, output: string, { respond = true }: { respond?: boolean } = {}): void {
    this.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: callId, output } });
    if (respond) this.createResponse();
  }

  createResponse(): void {
    this.send({ type: 'response.create' });
  }

  interrupt(itemId: string, playedMs: number): void {
    this.send({ type: 'response.cancel' });
    this.truncate(itemId, playedMs);
  }

  truncate(itemId: string, playedMs: number): void {
    // The server keeps only the audio (and transcript) the caller actually heard.
    this.send({
      type: 'conversation.item.truncate',
      item_id: itemId,
      content_index: 0,
      audio_end_ms: Math.max(0, Math.round(playedMs)),
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(1000);
    }
    await this.closed;
  }

  /** Sends one client event; after the socket is gone the 'error'/'closed' events already told the session. */
  send(event: { type: string } & Record<string, unknown>): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(event));
  }

  private receive(text: string): void {
    let event: { type: string } & Record<string, unknown>;
    try {
      event = JSON.parse(text);
    } catch {
      const error = new ProviderError(
        this.errors.provider,
        'server',
        `${this.errors.label} Realtime sent an event that is not JSON.`,
      );
      this.emit({ type: 'error', error, fatal: false });
      return;
    }
    const mapped = toRealtimeEvent(event, this.errors);
    if (mapped) this.emit(mapped);
  }

  private emit(event: RealtimeEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
