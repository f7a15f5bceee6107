import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback, waitUntil } from '../loopback';

/**
 * A local stand-in for ElevenLabs' streaming TTS endpoint
 * (`POST /v1/text-to-speech/{voice_id}/stream?output_format=pcm_<rate>`), speaking the documented
 * HTTP protocol: `xi-api-key` header, JSON body `{text, model_id, voice_settings}`, a chunked
 * body of raw 16-bit little-endian PCM, errors as statuses with `{"detail": {...}}` JSON.
 */
export interface ElevenLabsScript {
  apiKey: string;
  /** Samples of audio per request... */
  samples?: number;
  /** ...written in this many body chunks (split at odd byte offsets, as the network may). */
  chunks?: number;
  /** Write every chunk but the last, then wait for release(). */
  holdLastChunk?: boolean;
  /** Answer with this status and `{"detail": {"status", "message"}}`. */
  errorReply?: { status: number; detail: { status: string; message: string } };
  /** Destroy the TCP socket right after the first chunk. */
  dropAfterFirstChunk?: boolean;
  /** Read the request but never answer. */
  silent?: boolean;
}

/** One request as received. */
export interface ElevenLabsRequestRecord {
  voiceId: string;
  query: URLSearchParams;
  apiKey: string | undefined;
  body: { text: string; model_id: string; voice_settings?: Record<string, number> };
}

/** The PCM the double streams for `samples` samples: a ramp, so order errors show. */
export function elevenLabsDoubleAudio(samples: number): Int16Array {
  const audio = new Int16Array(samples);
  for (let i = 0; i < samples; i++) audio[i] = ((i * 53) % 24000) - 12000;
  return audio;
}

/** Starts an ElevenLabs streaming-TTS double on 127.0.0.1 at a random port. */
export async function startElevenLabsDouble(script: ElevenLabsScript): Promise<ElevenLabsDouble> {
  const double = new ElevenLabsDouble(script);
  await double.listen();
  return double;
}

/** The running double and what it recorded. */
export class ElevenLabsDouble {
  /** Base URL to hand the client (`http://127.0.0.1:<port>`). */
  url = '';
  readonly requests: ElevenLabsRequestRecord[] = [];
  /** Requests whose client went away before the body was complete. */
  aborted = 0;
  private readonly changes = new EventEmitter();
  private readonly http = createServer((req, res) => void this.onRequest(req, res));
  private readonly sockets = new Set<Socket>();
  private releaseHeld: () => void = () => {};
  private readonly held = new Promise<void>((resolve) => {
    this.releaseHeld = resolve;
  });

  constructor(private readonly script: ElevenLabsScript) {
    this.http.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Binds the server. */
  async listen(): Promise<void> {
    this.url = await listenOnLoopback(this.http, 'http');
  }

  /** Lets held last chunks go. */
  release(): void {
    this.releaseHeld();
  }

  /** Resolves once `check` holds for what has been recorded so far. */
  until(check: () => boolean): Promise<void> {
    return waitUntil(this.changes, check);
  }

  /** Stops the server and every connection it holds. */
  async close(): Promise<void> {
    this.release();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/v1\/text-to-speech\/([^/]+)\/stream$/.exec(url.pathname);
    let raw = '';
    for await (const part of req) raw += part;
    if (req.method !== 'POST' || !match?.[1]) return this.reject(res, 404, 'not_found', 'No such endpoint.');
    const apiKey = req.headers['xi-api-key'] as string | undefined;
    this.requests.push({
      voiceId: decodeURIComponent(match[1]),
      query: url.searchParams,
      apiKey,
      body: JSON.parse(raw),
    });
    this.changes.emit('change');
    if (apiKey !== this.script.apiKey) return this.reject(res, 401, 'invalid_api_key', 'Invalid API key.');
    if (!/^pcm_\d+$/.test(url.searchParams.get('output_format') ?? '')) {
      return this.reject(res, 422, 'invalid_output_format', 'Unknown output format.');
    }
    if (this.script.errorReply) {
      const { status, detail } = this.script.errorReply;
      return this.reject(res, status, detail.status, detail.message);
    }
    if (this.script.silent) return;
    res.on('close', () => {
      if (!res.writableFinished) {
        this.aborted++;
        this.changes.emit('change');
      }
    });
    res.writeHead(200, { 'content-type': 'audio/pcm', 'transfer-encoding': 'chunked' });
    const audio = elevenLabsDoubleAudio(this.script.samples ?? 2400);
    const bytes = Buffer.from(audio.buffer, audio.byteOffset, audio.byteLength);
    const count = this.script.chunks ?? 3;
    // Odd chunk sizes: a sample straddles each boundary, as it may on a real network.
    const size = Math.ceil(bytes.length / count) | 1;
    for (let i = 0; i < count; i++) {
      if (i === count - 1 && this.script.holdLastChunk) await this.held;
      if (res.destroyed) return;
      res.write(bytes.subarray(i * size, i === count - 1 ? bytes.length : (i + 1) * size));
      if (this.script.dropAfterFirstChunk) {
        req.socket.destroy();
        return;
      }
    }
    res.end();
  }

  private reject(res: ServerResponse, status: number, code: string, message: string): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ detail: { status: code, message } }));
  }
}
