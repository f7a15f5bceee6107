import { csrfHeader } from './cookies';
import { sameSecret } from './tokens';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the method changes state (and so needs the CSRF token and a same-origin Origin). */
export function changesState(method: string): boolean {
  return !safeMethods.has(method.toUpperCase());
}

/**
 * Whether a state-changing request really comes from our page: it must carry the session's CSRF
 * token in x-csrf-token, and an Origin header, when the client sends one (browsers always do
 * on such requests), must be the host the request was sent to.
 */
export function passesCsrf(request: Request, session: { csrfToken: string }): boolean {
  const sent = request.headers.get(csrfHeader);
  if (!sent || !sameSecret(sent, session.csrfToken)) return false;
  return sameOrigin(request);
}

/** Whether the Origin header, if any, names the host this request was addressed to. */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
