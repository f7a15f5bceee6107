import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { checkWebhookHost } from './address-guard';
import { pinnedLookup, type RequestGuard } from './guarded-request';

/** Refused by the address guard before any connection was made. */
export class AddressBlockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddressBlockedError';
  }
}

function responseHeaders(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * A `fetch` for provider clients pointed at a flow author's own server (a custom base URL): the
 * host is checked by the same address guard as webhooks (workspace allow-list included), the
 * connection is pinned to the checked addresses, and redirects are not followed (the client sees
 * the 3xx), so an answer cannot steer the request elsewhere. Responses stream as usual.
 */
export function guardedFetch(guard: RequestGuard, what: string): typeof fetch {
  return async (input, init) => {
    // The platform Request serialises every body kind (JSON, FormData uploads) the SDKs send.
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new AddressBlockedError(`${what} must be http or https, not ${url.protocol}`);
    }
    const verdict = await checkWebhookHost(what, url.hostname, guard.allowList, guard.resolve, 'base URL');
    if (!verdict.ok) throw new AddressBlockedError(verdict.reason);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const open = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const incoming = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = open(url, {
        method: request.method,
        headers: Object.fromEntries(request.headers),
        lookup: pinnedLookup(verdict.addresses),
        signal: request.signal,
      });
      outgoing.on('response', resolve);
      outgoing.on('error', reject);
      outgoing.end(body);
    });
    const status = incoming.statusCode ?? 502;
    const empty = status === 204 || status === 304 || request.method === 'HEAD';
    if (empty) incoming.resume();
    return new Response(empty ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>), {
      status,
      statusText: incoming.statusMessage ?? '',
      headers: responseHeaders(incoming),
    });
  };
}
