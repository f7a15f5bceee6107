import WebSocket from 'ws';
import type { ProviderError } from '../errors';
import {
  type ProviderErrorContext,
  providerErrorFrom,
  providerErrorFromStatus,
  providerNetworkError,
  providerTimeoutError,
} from '../http-errors';
import { type CartesiaResponse, parseCartesiaResponse } from './cartesia-protocol';

/** Receives the messages of one context, or the news that the socket is gone. */
export interface CartesiaContextHandler {
  onMessage(message: CartesiaResponse): void;
  onLost(error: ProviderError): void;
}

export interface CartesiaConnectionOptions {
  url: string;
  headers: Record<string, string>;
  ctx: ProviderErrorContext;
  connectTimeoutMs: number;
  /** Close the socket after this long with no context in flight. */
  idleCloseMs: number;
}

/**
 * One WebSocket shared by every sentence: Cartesia multiplexes generations by `context_id`
 * and recommends many generations per socket, which saves a handshake per sentence.
 */
export class CartesiaConnection {
  private socket: Promise<WebSocket> | null = null;
  private readonly contexts = new Map<string, CartesiaContextHandler>();
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: CartesiaConnectionOptions) {}

  /** Routes a context's messages to `handler`, opening the socket if needed; rejects with a ProviderError. */
  async attach(contextId: string, handler: CartesiaContextHandler): Promise<void> {
    clearTimeout(this.idleTimer);
    this.contexts.set(contextId, handler);
    try {
      this.socket ??= this.open();
      await this.socket;
    } catch (err) {
      this.contexts.delete(contextId);
      throw err;
    }
  }

  /** Sends a JSON message if the socket is open (a lost socket has already failed its contexts). */
  async send(message: object): Promise<void> {
    const socket = await this.socket?.catch(() => null);
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  /** Stops routing to a context; the socket closes once idle for a while. */
  detach(contextId: string): void {
    this.contexts.delete(contextId);
    if (this.contexts.size > 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleCloseMs);
    this.idleTimer.unref();
  }

  /** Closes the socket now. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const socket = await this.socket?.catch(() => null);
    this.socket = null;
    socket?.close(1000);
  }

  private open(): Promise<WebSocket> {
    const { url, headers, ctx, connectTimeoutMs } = this.options;
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers, handshakeTimeout: connectTimeoutMs });
      const fail = (error: ProviderError) => {
        this.socket = null;
        reject(error);
      };
      ws.on('unexpected-response', (_req, res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (part: string) => {
          body += part;
        });
        res.on('end', () => {
          fail(providerErrorFromStatus(ctx, res.statusCode ?? 500, { message: upgradeErrorText(body) }));
          ws.terminate();
        });
      });
      ws.on('error', (err) => {
        fail(
          /handshake has timed out/i.test(err.message)
            ? providerTimeoutError(ctx, connectTimeoutMs)
            : providerErrorFrom(ctx, err, connectTimeoutMs),
        );
      });
      ws.on('open', () => resolve(ws));
      ws.on('message', (data) => this.route(String(data)));
      ws.on('close', (code) => this.lose(ws, code));
    });
  }

  private route(raw: string): void {
    const message = parseCartesiaResponse(raw);
    if (!message) return;
    const contextId = 'context_id' in message ? message.context_id : undefined;
    if (contextId) {
      this.contexts.get(contextId)?.onMessage(message);
      return;
    }
    // An error that names no context concerns every generation on the socket.
    if (message.type === 'error') for (const handler of [...this.contexts.values()]) handler.onMessage(message);
  }

  private lose(ws: WebSocket, code: number): void {
    const current = this.socket;
    void current?.then(
      (open) => {
        if (open === ws && this.socket === current) this.socket = null;
      },
      () => {},
    );
    const handlers = [...this.contexts.values()];
    this.contexts.clear();
    const error = providerNetworkError(this.options.ctx, `socket closed (${code})`);
    for (const handler of handlers) handler.onLost(error);
  }
}

/** Cartesia answers a refused upgrade with JSON (`{"error": ...}` or `{"message": ...}`) or text. */
function upgradeErrorText(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    const text = parsed.message ?? parsed.error;
    return typeof text === 'string' ? text : undefined;
  } catch {
    return body.trim() || undefined;
  }
}
