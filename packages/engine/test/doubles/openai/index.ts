import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { serveChatCompletion } from './chat-completions';
import { errorHeaders, openAiErrorBody } from './error-body';
import { RealtimeConnectionDouble } from './realtime-connection';
import type { RecordedRequest } from './recorded';
import { recordRequest } from './request-body';
import type { ChatReply, FlowStep, ScriptedError, SpeechReply, TranscriptionReply } from './script';
import { serveSpeech } from './speech';
import { serveTranscription } from './transcriptions';

export * from './realtime-connection';
export * from './realtime-events';
export * from './recorded';
export * from './replies';
export * from './script';

export interface OpenAiDoubleOptions {
  /** The key the double accepts; a random `sk-double-…` by default. */
  apiKey?: string;
  chat?: ChatReply[];
  transcription?: TranscriptionReply[];
  speech?: SpeechReply[];
}

/** A local server speaking OpenAI's HTTP and Realtime WebSocket protocols, scripted per test. */
export interface OpenAiDouble {
  /** Use as the client's baseURL, e.g. http://127.0.0.1:PORT/v1. */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Every HTTP request, in arrival order (including rejected ones). */
  readonly requests: RecordedRequest[];
  /** Queues of replies, one taken per request; an empty queue answers 500 "nothing scripted". */
  readonly replies: { chat: ChatReply[]; transcription: TranscriptionReply[]; speech: SpeechReply[] };
  readonly realtime: {
    readonly connections: RealtimeConnectionDouble[];
    /** HTTP refusals for the next handshakes (e.g. 429), one per connection attempt. */
    readonly refusals: ScriptedError[];
    /** Resolves with the next accepted connection (or one already accepted and not yet taken). */
    nextConnection(): Promise<RealtimeConnectionDouble>;
  };
  close(): Promise<void>;
}

/** Starts the double on 127.0.0.1 with a random port. */
export async function startOpenAiDouble(options: OpenAiDoubleOptions = {}): Promise<OpenAiDouble> {
  const apiKey = options.apiKey ?? `sk-double-${randomUUID()}`;
  const shutdown = new AbortController();
  const requests: RecordedRequest[] = [];
  const replies = {
    chat: [...(options.chat ?? [])],
    transcription: [...(options.transcription ?? [])],
    speech: [...(options.speech ?? [])],
  };
  const connections: RealtimeConnectionDouble[] = [];
  const refusals: ScriptedError[] = [];
  let taken = 0;
  let connectionWaiters: (() => void)[] = [];
  const authorized = (req: IncomingMessage) => req.headers.authorization === `Bearer ${apiKey}`;

  const routes: Record<string, (res: ServerResponse, record: RecordedRequest) => Promise<void>> = {
    '/v1/chat/completions': (res, record) => serveChatCompletion(res, record, takeReply(replies.chat), shutdown.signal),
    '/v1/audio/transcriptions': (res, record) =>
      serveTranscription(res, record, takeReply(replies.transcription), shutdown.signal),
    '/v1/audio/speech': (res, record) => serveSpeech(res, record, takeReply(replies.speech), shutdown.signal),
  };

  const server = createServer(async (req, res) => {
    const record = await recordRequest(req, res);
    requests.push(record);
    const route = req.method === 'POST' ? routes[record.path] : undefined;
    if (!authorized(req)) return sendError(res, { status: 401 });
    if (!route) return sendError(res, { status: 404, message: `Unknown path ${record.path}`, code: 'unknown_url' });
    await route(res, record);
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket: Socket, head) => {
    const url = new URL(req.url ?? '/', 'http://double');
    const refusal = !authorized(req)
      ? { status: 401 }
      : url.pathname !== '/v1/realtime'
        ? { status: 404 }
        : refusals.shift();
    if (refusal) return refuseUpgrade(socket, refusal);
    wss.handleUpgrade(req, socket, head, (ws) => {
      connections.push(new RealtimeConnectionDouble(ws, url, req.headers));
      const waiters = connectionWaiters;
      connectionWaiters = [];
      for (const wake of waiters) wake();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    apiKey,
    requests,
    replies,
    realtime: {
      connections,
      refusals,
      async nextConnection() {
        while (connections.length <= taken) await new Promise<void>((resolve) => connectionWaiters.push(resolve));
        return connections[taken++] as RealtimeConnectionDouble;
      },
    },
    async close() {
      shutdown.abort();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function takeReply<T>(queue: (T | FlowStep)[][]): (T | FlowStep)[] {
  // Loud by design: a test that forgot to script a reply should fail, not get a default.
  return (
    queue.shift() ?? [{ error: { status: 500, message: 'The OpenAI double has no reply scripted for this request.' } }]
  );
}

function sendError(res: ServerResponse, error: ScriptedError): void {
  res.writeHead(error.status, errorHeaders(error));
  res.end(JSON.stringify(openAiErrorBody(error)));
}

/** Answers a WebSocket handshake with a plain HTTP error, as the service does for a bad key. */
function refuseUpgrade(socket: Socket, error: ScriptedError): void {
  const body = JSON.stringify(openAiErrorBody(error));
  const headers = { ...errorHeaders(error), 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  socket.end([`HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}`, ...head, '', body].join('\r\n'));
}
