import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServerMessage, WorkerMessage } from '@livekit/protocol';
import { TokenVerifier } from 'livekit-server-sdk';
import { type WebSocket, WebSocketServer } from 'ws';

type WorkerCase = NonNullable<WorkerMessage['message']['case']>;
/** A ServerMessage body as plain data (the protobuf classes accept partial objects). */
type ServerMessageBody = NonNullable<ConstructorParameters<typeof ServerMessage>[0]>['message'];

/**
 * A local server speaking LiveKit's agent worker protocol: WebSocket `/agent`, bearer JWT with
 * the `agent` grant, protobuf WorkerMessage in / ServerMessage out. It stands in for a
 * LiveKit server, which cannot run here.
 */
export class LiveKitAgentServer {
  readonly received: WorkerMessage[] = [];
  connections = 0;
  private socket: WebSocket | null = null;
  private waiters: { case: WorkerCase; after: number; resolve: (m: WorkerMessage) => void }[] = [];

  private constructor(
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    readonly url: string,
  ) {}

  /** Starts on a free loopback port; tokens must be signed with `apiKey`/`apiSecret`. */
  static async start(apiKey: string, apiSecret: string): Promise<LiveKitAgentServer> {
    const verifier = new TokenVerifier(apiKey, apiSecret);
    const http = createServer((_, res) => res.writeHead(404).end());
    const wss = new WebSocketServer({ noServer: true });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    const server = new LiveKitAgentServer(http, wss, `http://127.0.0.1:${port}`);
    http.on('upgrade', async (request, socket, head) => {
      const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
      const grants = await verifier.verify(token).catch(() => null);
      if (request.url !== '/agent' || !grants?.video?.agent) {
        socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => server.accept(ws));
    });
    return server;
  }

  private accept(ws: WebSocket): void {
    this.connections += 1;
    this.socket = ws;
    ws.on('message', (data) => {
      const message = WorkerMessage.fromBinary(new Uint8Array(data as Buffer));
      this.received.push(message);
      if (message.message.case === 'register') {
        this.send({ case: 'register', value: { workerId: `W_${this.connections}` } });
      }
      if (message.message.case === 'ping') {
        const last = message.message.value.timestamp;
        this.send({ case: 'pong', value: { lastTimestamp: last, timestamp: BigInt(Date.now()) } });
      }
      const index = this.received.length - 1;
      for (const waiter of [...this.waiters]) {
        if (waiter.case === message.message.case && index >= waiter.after) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    });
  }

  /** Sends a ServerMessage to the connected worker. */
  send(message: ServerMessageBody): void {
    this.socket?.send(new ServerMessage({ message }).toBinary());
  }

  /** Resolves with the next worker message of `kind` received from now on (or already, after `after`). */
  next(kind: WorkerCase, after = this.received.length): Promise<WorkerMessage> {
    const found = this.received.slice(after).find((m) => m.message.case === kind);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ case: kind, after, resolve }));
  }

  /** Drops the worker's socket without a close handshake, like a crashed server. */
  drop(): void {
    this.socket?.terminate();
  }

  /** Stops the server. */
  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}
