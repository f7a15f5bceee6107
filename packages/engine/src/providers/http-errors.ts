import { ProviderError } from './errors';

/**
 * Turns HTTP statuses, SDK errors, socket failures and timeouts into ProviderErrors a user can
 * act on. Shared by every cloud client so the same failure reads the same way everywhere.
 * Works by duck typing (status, name, code) so it needs no provider SDK.
 */
export interface ProviderErrorContext {
  /** Provider id as in the catalog, e.g. 'openai'. */
  provider: string;
  /** Name shown to users, e.g. 'OpenAI'. */
  label: string;
  /** Environment variable holding the key, named in auth errors. */
  keyEnv?: string;
  /** Values that must never appear in a message (API keys). */
  secrets?: string[];
}

/** Extra facts from an HTTP error response. */
export interface HttpErrorDetail {
  /** The provider's own explanation, if its body had one. */
  message?: string;
  /** The retry-after header value (seconds or an HTTP date). */
  retryAfter?: string | null;
}

const SOCKET_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

const TIMEOUT_ERROR_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);

/** Removes secrets, and anything shaped like an OpenAI-style key, from provider text. */
export function redactSecrets(text: string, secrets: string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  // Providers echo masked keys ("sk-abc***xyz"); even partial keys stay out of logs.
  return out.replace(/\bsk-[A-Za-z0-9_*.-]{4,}/g, '[redacted]');
}

function detailSuffix(ctx: ProviderErrorContext, message: string | undefined): string {
  if (!message) return '';
  const clean = redactSecrets(message, ctx.secrets).trim().slice(0, 300);
  return clean ? ` ${ctx.label} said: ${clean}` : '';
}

function retryAfterText(retryAfter: string | null | undefined): string {
  if (!retryAfter) return '';
  const seconds = Number(retryAfter);
  return Number.isFinite(seconds) ? ` Retry after ${seconds} s.` : ` Retry after ${retryAfter}.`;
}

/** Maps an HTTP status (and the provider's body message) to a ProviderError. */
export function providerErrorFromStatus(
  ctx: ProviderErrorContext,
  status: number,
  detail: HttpErrorDetail = {},
): ProviderError {
  const said = detailSuffix(ctx, detail.message);
  const keyHint = ctx.keyEnv ? ` Check ${ctx.keyEnv}.` : ' Check the API key.';
  const make = (kind: ProviderError['kind'], text: string) => new ProviderError(ctx.provider, kind, text, status);
  if (status === 401) return make('auth', `${ctx.label} rejected the API key (401).${keyHint}`);
  if (status === 403) {
    return make(
      'auth',
      `${ctx.label} refused access (403): the key lacks permission for this model or endpoint.${said}`,
    );
  }
  if (status === 429) {
    return make(
      'rate_limit',
      `${ctx.label} is rate limiting requests or the quota is used up (429).${retryAfterText(detail.retryAfter)}${said}`,
    );
  }
  if (status === 408) return make('timeout', `${ctx.label} timed out handling the request (408).`);
  if (status === 404) {
    return make(
      'bad_request',
      `${ctx.label} found no such model or endpoint (404). Check the model and base URL.${said}`,
    );
  }
  if (status >= 500) return make('server', `${ctx.label} had a server error (${status}).${said}`);
  return make('bad_request', `${ctx.label} rejected the request (${status}).${said}`);
}

/** A ProviderError for a request that got no answer in time. */
export function providerTimeoutError(ctx: ProviderErrorContext, ms: number): ProviderError {
  return new ProviderError(ctx.provider, 'timeout', `${ctx.label} did not answer within ${ms} ms.`);
}

/** A ProviderError for a connection that failed or broke mid-response. */
export function providerNetworkError(ctx: ProviderErrorContext, what: string): ProviderError {
  return new ProviderError(
    ctx.provider,
    'network',
    `Lost the connection to ${ctx.label}: ${redactSecrets(what, ctx.secrets)}. Check the network and base URL.`,
  );
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function errorCode(err: unknown): string | undefined {
  // Socket codes hide a few causes deep (SDK error -> fetch TypeError -> undici/socket error).
  for (let e = err, depth = 0; e && depth < 4; e = field(e, 'cause'), depth++) {
    const code = field(e, 'code');
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function errorName(err: unknown): string {
  // SDK errors keep the default name 'Error'; their class name says more.
  const name = field(err, 'name');
  if (typeof name === 'string' && name !== 'Error') return name;
  const ctor = field(err, 'constructor');
  return typeof ctor === 'function' ? ctor.name : String(name ?? '');
}

function retryAfterOf(err: unknown): string | null {
  const headers = field(err, 'headers');
  if (headers && typeof (headers as Headers).get === 'function') return (headers as Headers).get('retry-after');
  return null;
}

function bodyMessage(err: unknown): string | undefined {
  // SDK errors keep the parsed JSON error body; fall back to the error's own message.
  const inner = field(field(err, 'error'), 'message') ?? field(err, 'message');
  return typeof inner === 'string' ? inner : undefined;
}

/**
 * Maps anything a client call threw (SDK APIError, fetch/undici error, socket error, timeout)
 * to a ProviderError. `timeoutMs` names the limit in timeout messages.
 */
export function providerErrorFrom(ctx: ProviderErrorContext, err: unknown, timeoutMs?: number): ProviderError {
  if (err instanceof ProviderError) return err;
  const status = field(err, 'status');
  if (typeof status === 'number' && status >= 400) {
    return providerErrorFromStatus(ctx, status, { message: bodyMessage(err), retryAfter: retryAfterOf(err) });
  }
  const name = errorName(err);
  const message = String(field(err, 'message') ?? err);
  const code = errorCode(err);
  if (name === 'TimeoutError' || name.endsWith('TimeoutError') || (code && TIMEOUT_ERROR_CODES.has(code))) {
    return timeoutMs === undefined
      ? new ProviderError(ctx.provider, 'timeout', `${ctx.label} did not answer in time.`)
      : providerTimeoutError(ctx, timeoutMs);
  }
  if (
    (code && SOCKET_ERROR_CODES.has(code)) ||
    name === 'APIConnectionError' ||
    /terminated|socket|fetch failed/i.test(message)
  ) {
    return providerNetworkError(ctx, code ?? message);
  }
  // An error payload inside a stream (no HTTP status): the provider failed mid-answer.
  if (name === 'APIError' || field(err, 'error') !== undefined) {
    return new ProviderError(
      ctx.provider,
      'server',
      `${ctx.label} reported an error mid-response.${detailSuffix(ctx, bodyMessage(err))}`,
    );
  }
  return new ProviderError(
    ctx.provider,
    'network',
    `${ctx.label} request failed: ${redactSecrets(message, ctx.secrets)}`,
  );
}
