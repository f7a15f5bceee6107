import type { IncomingMessage, ServerResponse } from 'node:http';

/** Most bytes a JSON request body of the runtime's routes may have. */
export const MAX_BODY_BYTES = 16 * 1024;

/** Answers `status` with `body` as JSON, never cached. */
export function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** The request's body as text, or null when it is over MAX_BODY_BYTES. */
export async function readBody(request: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
