import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkWebhookHost, type ResolvedAddress, type Resolver } from './address-guard';
import { normalHost, type WebhookAllowList } from './allow-list';

/** What a webhook call sends on its first hop. */
export interface OutgoingRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** Where webhooks may go and how much they may bring back. */
export interface RequestGuard {
  allowList: WebhookAllowList;
  resolve?: Resolver;
  /** Largest response body read, in bytes (default 256 KiB); larger answers fail. */
  maxResponseBytes?: number;
  /** Redirects followed within the same host (default 5). */
  maxRedirects?: number;
}

/** The final answer, or why there is none. */
export type GuardedResponse =
  | { ok: true; status: number; statusText: string; body: string }
  | { ok: false; reason: string };

const defaultMaxBytes = 256 * 1024;

/** A lookup that answers only with the addresses the guard checked. */
// Connects only to the addresses the guard checked: a DNS answer that changes between the check
// and the connection (DNS rebinding) is never asked for.
export function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_host, options, callback) => {
    const [first] = addresses;
    if (!first) return callback(new Error('no checked address'), '', 4);
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (error: null, all: ResolvedAddress[]) => void)(null, addresses);
    } else callback(null, first.address, first.family);
  };
}

function send(request: OutgoingRequest, addresses: ResolvedAddress[], signal: AbortSignal): Promise<IncomingMessage> {
  const open = request.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = open(request.url, {
      method: request.method,
      headers: request.headers,
      lookup: pinnedLookup(addresses),
      signal,
    });
    outgoing.on('response', resolve);
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

async function readLimited(response: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Counted while reading: a huge answer is dropped as soon as it passes the limit.
    if (size > limit) {
      response.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request for the next hop: 303, and 301/302 after a POST-like method, turn into a body-less GET. */
function redirected(request: OutgoingRequest, status: number, url: URL): OutgoingRequest {
  const keepsMethod = status === 307 || status === 308 || request.method === 'GET';
  if (keepsMethod) return { ...request, url };
  const { 'content-type': _dropped, ...headers } = request.headers;
  return { url, method: 'GET', headers };
}

/**
 * Sends a webhook request past the address guard: every hop's host is resolved and checked
 * before connecting, redirects are followed by hand and only within the first host, and the
 * answer is read up to a size limit. Never throws on network trouble other than an abort.
 */
export async function guardedRequest(
  toolName: string,
  first: OutgoingRequest,
  guard: RequestGuard,
  signal: AbortSignal,
): Promise<GuardedResponse> {
  const host = normalHost(first.url.hostname);
  const maxRedirects = guard.maxRedirects ?? 5;
  let request = first;
  for (let hop = 0; ; hop++) {
    if (request.url.protocol !== 'http:' && request.url.protocol !== 'https:') {
      return {
        ok: false,
        reason: `webhook failed: ${toolName} URL must be http or https, not ${request.url.protocol}`,
      };
    }
    const verdict = await checkWebhookHost(toolName, request.url.hostname, guard.allowList, guard.resolve);
    if (!verdict.ok) return verdict;
    const response = await send(request, verdict.addresses, signal);
    const location = response.headers.location;
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && location) {
      response.resume();
      const next = new URL(location, request.url);
      if (normalHost(next.hostname) !== host) {
        return {
          ok: false,
          reason: `webhook blocked: ${toolName} redirected to another host (${next.host}); only redirects within ${host} are followed`,
        };
      }
      if (hop >= maxRedirects) {
        const reason =
          maxRedirects === 0
            ? `webhook failed: ${toolName} answered HTTP ${status} (a redirect to ${next.pathname}); redirects are not followed`
            : `webhook failed: ${toolName} redirected more than ${maxRedirects} times`;
        return { ok: false, reason };
      }
      request = redirected(request, status, next);
      continue;
    }
    const limit = guard.maxResponseBytes ?? defaultMaxBytes;
    const body = await readLimited(response, limit);
    if (body === null)
      return { ok: false, reason: `webhook failed: ${toolName} answered with more than ${limit / 1024} KiB` };
    return { ok: true, status, statusText: response.statusMessage ?? '', body };
  }
}
