import { ApiError } from './api-error';
import { locateJsonError } from './json-error-location';

/** Largest request body the API accepts: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'payload_too_large', `The request body is larger than ${limit} bytes.`, { limit });
}

interface ReadOptions {
  /** What an empty body stands for; without it an empty body is malformed. */
  emptyAs?: unknown;
}

/**
 * Reads a request body as JSON, refusing more than MAX_BODY_BYTES: by Content-Length up front,
 * and by counting while reading, since the header can be absent (chunked) or wrong.
 */
export async function readJsonBody(request: Request, options: ReadOptions = {}): Promise<unknown> {
  const limit = MAX_BODY_BYTES;
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge(limit);
  const text = decodeUtf8(await readBytes(request, limit));
  if (text.trim() === '') {
    if ('emptyAs' in options) return options.emptyAs;
    throw new ApiError(400, 'malformed_json', 'The request body is empty; expected JSON.');
  }
  try {
    return JSON.parse(text);
  } catch {
    const where = locateJsonError(text);
    const detail = where ? `${where.reason} at line ${where.line}, column ${where.column}` : 'syntax error';
    throw new ApiError(400, 'malformed_json', `The request body is not valid JSON: ${detail}.`, {
      ...(where && { line: where.line, column: where.column }),
    });
  }
}

async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop reading at once: the rest of an oversized body is never buffered.
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'malformed_json', 'The request body is not valid UTF-8 text.');
  }
}
