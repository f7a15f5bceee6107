import type { DeepgramClient } from '@deepgram/sdk';
import { ENGINE_INPUT_RATE } from '../../audio/frame';
import type { ProviderError } from '../errors';
import type { ProviderErrorContext } from '../http-errors';
import { providerNetworkError } from '../http-errors';
import { deepgramCloseError, deepgramSocketError } from './deepgram-errors';
import { type DeepgramLiveMessage, sttEventFromMessage } from './deepgram-results';
import type { SttEvent, SttStream } from './types';

type ConnectArgs = Parameters<DeepgramClient['listen']['v1']['connect']>[0];
type LiveSocket = Awaited<ReturnType<DeepgramClient['listen']['v1']['connect']>>;

/** Timings of one live stream, in milliseconds. */
export interface DeepgramStreamTimings {
  connectTimeoutMs: number;
  keepAliveMs: number;
  closeTimeoutMs: number;
}

/** One socket's life: a reconnect gets a fresh one, with its own audio clock. */
interface Connection {
  socket: LiveSocket | null;
  abort: AbortController;
  open: boolean;
  failed: boolean;
  /** Samples sent on this socket: Deepgram's `start` times count from its first byte. */
  samplesSent: number;
  /** Results starting before this second belong to discarded audio. */
  discardBefore: number;
  closed: Promise<void>;
  markClosed: () => void;
}

/** Audio kept while (re)connecting: enough to bridge a reconnect, bounded so it cannot grow. */
const MAX_PENDING_SAMPLES = ENGINE_INPUT_RATE * 10;

/**
 * A Deepgram live transcription stream over the official SDK. The SDK's own retry loop is
 * turned off: a dropped socket is reopened once here, at once, so the behaviour is ours to state.
 */
export class DeepgramSttStream implements SttStream {
  private readonly listeners = new Set<(event: SttEvent) => void>();
  private conn: Connection | null = null;
  private pending: Int16Array[] = [];
  private pendingSamples = 0;
  private finalizeWhenOpen = false;
  private state: 'live' | 'closing' | 'closed' | 'failed' = 'live';
  /** Drops since the last transcript: a socket that drops again before any result is an error. */
  private dropsInARow = 0;
  private lastSendAt = 0;
  private readonly keepAlive: NodeJS.Timeout;

  constructor(
    private readonly client: Promise<DeepgramClient>,
    private readonly args: ConnectArgs,
    private readonly ctx: ProviderErrorContext,
    private readonly timings: DeepgramStreamTimings,
  ) {
    this.keepAlive = setInterval(() => this.sendKeepAlive(), timings.keepAliveMs);
    this.keepAlive.unref();
    void this.connect();
  }

  pushAudio(samples: Int16Array): void {
    if (this.state !== 'live') return;
    const conn = this.conn;
    if (conn?.open && conn.socket) {
      this.send(conn, samples);
      return;
    }
    this.pending.push(samples);
    this.pendingSamples += samples.length;
    while (this.pendingSamples > MAX_PENDING_SAMPLES && this.pending.length > 1) {
      this.pendingSamples -= this.pending.shift()?.length ?? 0;
    }
  }

  endOfSpeech(): void {
    if (this.state !== 'live') return;
    const conn = this.conn;
    if (conn?.open && conn.socket) conn.socket.sendFinalize({ type: 'Finalize' });
    else this.finalizeWhenOpen = true;
  }

  discard(): void {
    this.pending = [];
    this.pendingSamples = 0;
    this.finalizeWhenOpen = false;
    const conn = this.conn;
    if (!conn?.open || !conn.socket || this.state !== 'live') return;
    // Finalize makes Deepgram cut a result at this point, so the discarded speech ends up in
    // results that start before it and can be dropped by time.
    conn.discardBefore = conn.samplesSent / ENGINE_INPUT_RATE;
    conn.socket.sendFinalize({ type: 'Finalize' });
  }

  onEvent(listener: (event: SttEvent) => void): void {
    this.listeners.add(listener);
  }

  async close(): Promise<void> {
    if (this.state === 'closed' || this.state === 'closing') return;
    clearInterval(this.keepAlive);
    const conn = this.conn;
    if (this.state === 'live' && conn?.open && conn.socket) {
      this.state = 'closing';
      // CloseStream lets Deepgram send the last results before it closes the socket itself.
      conn.socket.sendCloseStream({ type: 'CloseStream' });
      await Promise.race([conn.closed, new Promise((resolve) => setTimeout(resolve, this.timings.closeTimeoutMs))]);
    }
    this.state = 'closed';
    conn?.abort.abort();
    conn?.socket?.close();
  }

  private async connect(): Promise<void> {
    let markClosed = () => {};
    const closed = new Promise<void>((resolve) => {
      markClosed = resolve;
    });
    const conn: Connection = {
      socket: null,
      abort: new AbortController(),
      open: false,
      failed: false,
      samplesSent: 0,
      discardBefore: 0,
      closed,
      markClosed,
    };
    this.conn = conn;
    try {
      conn.socket = await (await this.client).listen.v1.connect({ ...this.args, abortSignal: conn.abort.signal });
    } catch (err) {
      this.fail(providerNetworkError(this.ctx, err instanceof Error ? err.message : String(err)));
      return;
    }
    if (this.state !== 'live') {
      conn.abort.abort();
      return;
    }
    const socket = conn.socket;
    socket.on('open', () => this.onOpen(conn));
    socket.on('message', (message) => this.onMessage(conn, message as DeepgramLiveMessage));
    socket.on('error', (error) => this.onError(conn, error));
    socket.on('close', (event) => {
      // The SDK reports a failed handshake as a close first and the error right after, in the
      // same tick: decide once both are known.
      queueMicrotask(() => this.onClose(conn, event.code, event.reason ?? ''));
    });
    socket.connect();
  }

  private onOpen(conn: Connection): void {
    if (conn !== this.conn || !conn.socket) return;
    conn.open = true;
    const queued = this.pending;
    this.pending = [];
    this.pendingSamples = 0;
    for (const samples of queued) this.send(conn, samples);
    if (this.finalizeWhenOpen) {
      this.finalizeWhenOpen = false;
      conn.socket.sendFinalize({ type: 'Finalize' });
    }
  }

  private onMessage(conn: Connection, message: DeepgramLiveMessage): void {
    if (conn !== this.conn || this.state === 'closed' || this.state === 'failed') return;
    if (message?.type !== 'Results') return;
    this.dropsInARow = 0;
    if (message.start < conn.discardBefore) return;
    const event = sttEventFromMessage(message);
    if (event) this.emit(event);
  }

  private onError(conn: Connection, error: Error): void {
    if (conn !== this.conn || conn.failed || this.state !== 'live') return;
    conn.failed = true;
    this.fail(deepgramSocketError(this.ctx, error.message, this.timings.connectTimeoutMs));
  }

  private onClose(conn: Connection, code: number, reason: string): void {
    conn.markClosed();
    if (conn !== this.conn || conn.failed || this.state !== 'live') return;
    const error = deepgramCloseError(this.ctx, code, reason);
    if (error) {
      this.fail(error);
      return;
    }
    if (conn.open && this.dropsInARow === 0) {
      this.dropsInARow++;
      void this.connect();
      return;
    }
    this.fail(providerNetworkError(this.ctx, `socket closed (${code})`));
  }

  private send(conn: Connection, samples: Int16Array): void {
    conn.socket?.sendMedia(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
    conn.samplesSent += samples.length;
    this.lastSendAt = Date.now();
  }

  private sendKeepAlive(): void {
    const conn = this.conn;
    if (this.state !== 'live' || !conn?.open || !conn.socket) return;
    // Deepgram closes a socket that hears nothing for about 10 s; silence between turns is normal.
    if (Date.now() - this.lastSendAt < this.timings.keepAliveMs) return;
    conn.socket.sendKeepAlive({ type: 'KeepAlive' });
    this.lastSendAt = Date.now();
  }

  private fail(error: ProviderError): void {
    if (this.state !== 'live') return;
    this.state = 'failed';
    clearInterval(this.keepAlive);
    this.conn?.abort.abort();
    this.emit({ type: 'error', error });
  }

  private emit(event: SttEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
