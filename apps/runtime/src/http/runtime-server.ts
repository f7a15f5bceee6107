import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LocalCallEndpoint } from '../local/local-call-endpoint';
import type { Logger } from '../log';
import type { Readiness } from '../service/readiness';

export interface RuntimeServerOptions {
  readiness(): Promise<Readiness>;
  /** GET /metrics: Prometheus text. */
  metrics(): string;
  calls: LocalCallEndpoint;
  /** POST /scenarios/run (see scenarios-route.ts). */
  scenarios: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  /** /recordings/:callId/... (see recordings/recordings-route.ts). */
  recordings: {
    handles(path: string): boolean;
    serve(request: IncomingMessage, response: ServerResponse, path: string): Promise<void>;
  };
  log: Logger;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * The runtime's HTTP face: GET /healthz (the process answers), GET /readyz (takes calls: 200, or
 * 503 with the reason), GET /metrics (Prometheus text) and WebSocket upgrades of /calls/:callId/ws (local mode).
 */
export function createRuntimeServer(options: RuntimeServerOptions): Server {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://runtime').pathname;
    if (path === '/scenarios/run' && request.method === 'POST') {
      options.scenarios(request, response).catch(() => json(response, 500, { error: 'scenario run failed' }));
      return;
    }
    if (options.recordings.handles(path)) {
      options.recordings
        .serve(request, response, path)
        .catch(() => json(response, 500, { error: 'recording request failed' }));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return json(response, 405, {
        error: `${request.method} is not supported; the runtime answers GET (and POST /scenarios/run)`,
      });
    }
    if (path === '/healthz') return json(response, 200, { status: 'ok' });
    if (path === '/metrics') {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'cache-control': 'no-store' });
      return void response.end(options.metrics());
    }
    if (path === '/readyz') {
      options.readiness().then(
        (readiness) => json(response, readiness.ready ? 200 : 503, readiness),
        (error: unknown) => json(response, 503, { ready: false, reason: String(error) }),
      );
      return;
    }
    json(response, 404, {
      error: `no route ${path}; try /healthz, /readyz, /metrics or a WebSocket to /calls/:callId/ws`,
    });
  });
  server.on('upgrade', (request, socket, head) => {
    if (options.calls.handles(request.url)) return options.calls.upgrade(request, socket, head);
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });
  server.on('clientError', (error, socket) => {
    options.log.warn('bad HTTP request', { error: error.message });
    socket.destroy();
  });
  return server;
}
