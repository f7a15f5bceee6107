import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { listenOnLoopback, waitUntil } from '../loopback';

/**
 * A local stand-in for Deepgram's live transcription socket (`GET /v1/listen`, upgraded).
 * It speaks the documented protocol: `Authorization: Token <key>` on the upgrade, binary
 * linear16 audio and JSON `KeepAlive` / `Finalize` / `CloseStream` in, JSON `Results` and
 * `Metadata` out, errors as HTTP statuses on the upgrade or close frames mid-stream.
 */
export interface DeepgramScript {
  apiKey: string;
  /** What the caller says, one entry per utterance, in order. */
  utterances?: string[];
  /** One interim result per this many audio bytes of an utterance. */
  interimEveryBytes?: number;
  /** Finalize an utterance on its own after this many bytes (Deepgram's endpointing). */
  endpointAfterBytes?: number;
  /** Answer the upgrade with this HTTP status. */
  rejectUpgrade?: number;
  /** Never answer the upgrade (a stalled handshake). */
  hangUpgrade?: boolean;
  /** Destroy the TCP socket after this many audio bytes... */
  dropAfterBytes?: number;
  /** ...on this many connections (default: every one). */
  dropConnections?: number;
  /** Send this close frame after this many audio bytes. */
  closeAfterBytes?: { bytes: number; code: number; reason: string };
}

/** What one client connection sent. */
export interface DeepgramConnectionRecord {
  query: URLSearchParams;
  authorization: string | undefined;
  audio: Buffer[];
  audioBytes: number;
  controls: string[];
}

const BYTES_PER_SECOND = 16000 * 2;

/** Starts a Deepgram live-transcription double on 127.0.0.1 at a random port. */
export async function startDeepgramDouble(script: DeepgramScript): Promise<DeepgramDouble> {
  const double = new DeepgramDouble(script);
  await double.listen();
  return double;
}

/** The running double: its URL, what it recorded, and a way to wait for a recorded state. */
export class DeepgramDouble {
  readonly connections: DeepgramConnectionRecord[] = [];
  /** Base URL to hand the client (`ws://127.0.0.1:<port>`). */
  url = '';
  private readonly changes = new EventEmitter();
  private readonly http = createServer();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly hung = new Set<Socket>();
  private utteranceIndex = 0;

  constructor(private readonly script: DeepgramScript) {
    this.http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket as Socket, head));
  }

  /** Binds the server. */
  async listen(): Promise<void> {
    this.url = await listenOnLoopback(this.http, 'ws');
  }

  /** Resolves once `check` holds for what has been recorded so far. */
  until(check: () => boolean): Promise<void> {
    return waitUntil(this.changes, check);
  }

  /** Stops the server and every socket it holds. */
  async close(): Promise<void> {
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
    const url = new URL(req.url ?? '/', 'http://localhost');
    const status =
      url.pathname !== '/v1/listen'
        ? 404
        : req.headers.authorization !== `Token ${this.script.apiKey}`
          ? 401
          : this.script.rejectUpgrade;
    if (status) {
      const body = JSON.stringify({
        err_code: status === 401 ? 'INVALID_AUTH' : 'REQUEST_FAILED',
        err_msg: 'Rejected.',
      });
      socket.end(
        `HTTP/1.1 ${status} Error\r\nContent-Type: application/json\r\ndg-error: ${status}\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const record: DeepgramConnectionRecord = {
        query: url.searchParams,
        authorization: req.headers.authorization,
        audio: [],
        audioBytes: 0,
        controls: [],
      };
      this.connections.push(record);
      new DeepgramSession(
        ws,
        record,
        this.script,
        this.connections.length,
        () => this.nextUtterance(),
        () => this.changes.emit('change'),
      );
      this.changes.emit('change');
    });
  }

  private nextUtterance(): string {
    const text = this.script.utterances?.[this.utteranceIndex] ?? '';
    this.utteranceIndex++;
    return text;
  }
}

/** One connection's conversation: interims as audio arrives, a final on Finalize or endpointing. */
class DeepgramSession {
  private utterance: string | null = null;
  private utteranceStartBytes = 0;
  private interimsSent = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly record: DeepgramConnectionRecord,
    private readonly script: DeepgramScript,
    private readonly connectionNumber: number,
    private readonly nextUtterance: () => string,
    changed: () => void,
  ) {
    ws.on('message', (data, isBinary) => {
      if (isBinary) this.onAudio(data as Buffer);
      else this.onControl(String(data));
      changed();
    });
  }

  private onAudio(chunk: Buffer): void {
    this.record.audio.push(chunk);
    this.record.audioBytes += chunk.length;
    const { dropAfterBytes, dropConnections, closeAfterBytes } = this.script;
    if (dropAfterBytes !== undefined && this.record.audioBytes >= dropAfterBytes) {
      if (dropConnections === undefined || this.connectionNumber <= dropConnections) {
        this.ws.terminate();
        return;
      }
    }
    if (closeAfterBytes && this.record.audioBytes >= closeAfterBytes.bytes) {
      this.ws.close(closeAfterBytes.code, closeAfterBytes.reason);
      return;
    }
    if (this.utterance === null) {
      this.utterance = this.nextUtterance();
      this.utteranceStartBytes = this.record.audioBytes - chunk.length;
      this.interimsSent = 0;
    }
    const heard = this.record.audioBytes - this.utteranceStartBytes;
    const every = this.script.interimEveryBytes ?? 3200;
    const words = this.utterance.split(' ');
    while ((this.interimsSent + 1) * every <= heard && this.interimsSent < words.length - 1) {
      this.interimsSent++;
      this.sendResults(words.slice(0, this.interimsSent).join(' '), { isFinal: false, fromFinalize: false });
    }
    if (this.script.endpointAfterBytes !== undefined && heard >= this.script.endpointAfterBytes) {
      this.finishUtterance(false);
    }
  }

  private onControl(text: string): void {
    const message = JSON.parse(text) as { type: string };
    this.record.controls.push(message.type);
    if (message.type === 'Finalize') this.finishUtterance(true);
    if (message.type === 'CloseStream') {
      if (this.utterance !== null) this.finishUtterance(true);
      this.send({
        type: 'Metadata',
        transaction_key: 'deprecated',
        request_id: `req-${this.connectionNumber}`,
        sha256: '0'.repeat(64),
        created: new Date().toISOString(),
        duration: this.record.audioBytes / BYTES_PER_SECOND,
        channels: 1,
      });
      this.ws.close(1000);
    }
  }

  private finishUtterance(fromFinalize: boolean): void {
    this.sendResults(this.utterance ?? '', { isFinal: true, fromFinalize });
    this.utterance = null;
    this.utteranceStartBytes = this.record.audioBytes;
  }

  private sendResults(transcript: string, flags: { isFinal: boolean; fromFinalize: boolean }): void {
    const start = this.utteranceStartBytes / BYTES_PER_SECOND;
    this.send({
      type: 'Results',
      channel_index: [0, 1],
      duration: this.record.audioBytes / BYTES_PER_SECOND - start,
      start,
      is_final: flags.isFinal,
      speech_final: flags.isFinal,
      from_finalize: flags.fromFinalize,
      channel: {
        alternatives: [
          {
            transcript,
            confidence: transcript ? 0.97 : 0,
            words: transcript
              ? transcript.split(' ').map((word) => ({ word, start, end: start, confidence: 0.97 }))
              : [],
          },
        ],
      },
      metadata: {
        request_id: `req-${this.connectionNumber}`,
        model_info: { name: 'general-nova-3', version: '2025-01-01', arch: 'nova-3' },
        model_uuid: '00000000-0000-0000-0000-000000000000',
      },
    });
  }

  private send(message: object): void {
    this.ws.send(JSON.stringify(message));
  }
}
