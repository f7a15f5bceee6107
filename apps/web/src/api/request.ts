import { csrfToken } from '@/src/auth/csrf-token';
import type { ApiErrorInfo, ApiResult } from './types';

/** Sends one JSON request; never throws, so callers branch on `ok` and the API's error code. */
export async function request<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        // Every state-changing request must carry the session's CSRF token.
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken() }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'network_error', message: 'The server could not be reached.' } };
  }
  const text = await response.text();
  const json = parse(text);
  if (response.ok) return { ok: true, status: response.status, data: json as T };
  const error = (json as { error?: ApiErrorInfo } | undefined)?.error;
  return {
    ok: false,
    status: response.status,
    error: error ?? { code: 'http_error', message: `The server answered HTTP ${response.status}.` },
  };
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
