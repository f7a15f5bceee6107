import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { listenOnLoopback, waitUntil } from '../loopback';

/**
 * A local stand-in for Cartesia's TTS WebSocket (`/tts/websocket`), speaking the documented
 * protocol: `X-API-Key` + `Cartesia-Version` on the upgrade; generation requests and
 * `{context_id, cancel: true}` in; `chunk` (base64 PCM), `done` and `error` messages out,
 * each tagged with its `context_id`, several contexts multiplexed on one socket.
 */
export interface CartesiaScript {
  apiKey: string;
  /** Samples of audio per generation... */
  samples?: number;
  /** ...sent in this many chunks. */
  chunks?: number;
  /** Send every chunk but the last, then wait for release(). */
  holdLastChunk?: boolean;
  /** Answer each generation with this error message instead of audio. */
  errorReply?: { status_code: number; title: string; message: string };
  /** Destroy the TCP socket right after the first chunk. */
  dropAfterFirstChunk?: boolean;
  /** Accept requests but never answer them. */
  silent?: boolean;
  /** Answer the upgrade with this HTTP status. */
  rejectUpgrade?: number;
  /** Never answer the upgrade. */
  hangUpgrade?: boolean;
}

/** One generation request as received. */
export interface CartesiaRequestRecord {
  model_id: string;
  transcript: string;
  voice: { mode: string; id: string };
  language?: string;
  context_id: string;
  output_format: { container: string; encoding: string; sample_rate: number };
  continue?: boolean;
}

/** The PCM the double sends for a generation of `samples` samples: a ramp, so order errors show. */
export function cartesiaDoubleAudio(samples: number): Int16Array {
  const audio = new Int16Array(samples);
  for (let i = 0; i < samples; i++) audio[i] = ((i * 37) % 20000) - 10000;
  return audio;
}

/** Starts a Cartesia TTS WebSocket double on 127.0.0.1 at a random port. */
export async function startCartesiaDouble(script: CartesiaScript): Promise<CartesiaDouble> {
  const double = new CartesiaDouble(script);
  await double.listen();
  return double;
}

/** The running double and what it recorded. */
export class CartesiaDouble {
  /** Base URL to hand the client (`ws://127.0.0.1:<port>`). */
  url = '';
  readonly upgrades: Array<{ apiKey: string | undefined; version: string | undefined }> = [];
  readonly requests: CartesiaRequestRecord[] = [];
  readonly cancels: string[] = [];
  private readonly changes = new EventEmitter();
  private readonly http = createServer();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly hung = new Set<Socket>();
  private releaseHeld: () => void = () => {};
  private readonly held = new Promise<void>((resolve) => {
    this.releaseHeld = resolve;
  });

  constructor(private readonly script: CartesiaScript) {
    this.http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket as Socket, head));
  }

  /** Binds the server. */
  async listen(): Promise<void> {
    this.url = await listenOnLoopback(this.http, 'ws');
  }

  /** Lets held last chunks go. */
  release(): void {
    this.releaseHeld();
  }

  /** Resolves once `check` holds for what has been recorded so far. */
  until(check: () => boolean): Promise<void> {
    return waitUntil(this.changes, check);
  }

  /** Stops the server and every socket it holds. */
  async close(): Promise<void> {
    this.release();
    for (const socket of this.hung) socket.destroy();
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    if (this.script.hangUpgrade) {
      this.hung.add(socket);
      return;
    }
    const apiKey = req.headers['x-api-key'] as string | undefined;
    const version = req.headers['cartesia-version'] as string | undefined;
    this.upgrades.push({ apiKey, version });
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const status =
      path !== '/tts/websocket'
        ? 404
        : apiKey !== this.script.apiKey
          ? 401
          : !version
            ? 400
            : this.script.rejectUpgrade;
    if (status) {
      const body = JSON.stringify({ error: status === 401 ? 'Invalid API key' : 'Request failed' });
      socket.end(
        `HTTP/1.1 ${status} Error\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (data) => void this.onMessage(ws, JSON.parse(String(data))));
      this.changes.emit('change');
    });
  }

  private async onMessage(
    ws: WebSocket,
    message: CartesiaRequestRecord | { context_id: string; cancel: true },
  ): Promise<void> {
    if ('cancel' in message) {
      this.cancels.push(message.context_id);
      this.changes.emit('change');
      return;
    }
    this.requests.push(message);
    this.changes.emit('change');
    const { context_id } = message;
    if (this.script.silent) return;
    if (this.script.errorReply) {
      ws.send(JSON.stringify({ type: 'error', done: true, context_id, ...this.script.errorReply }));
      return;
    }
    const audio = cartesiaDoubleAudio(this.script.samples ?? 2400);
    const count = this.script.chunks ?? 3;
    const size = Math.ceil(audio.length / count);
    for (let i = 0; i < count; i++) {
      if (i === count - 1 && this.script.holdLastChunk) await this.held;
      if (this.cancels.includes(context_id) || ws.readyState !== ws.OPEN) return;
      const part = audio.subarray(i * size, (i + 1) * size);
      const data = Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('base64');
      ws.send(JSON.stringify({ type: 'chunk', data, done: false, status_code: 206, step_time: 10, context_id }));
      if (this.script.dropAfterFirstChunk) {
        ws.terminate();
        return;
      }
    }
    ws.send(JSON.stringify({ type: 'done', done: true, status_code: 206, context_id }));
  }
}
