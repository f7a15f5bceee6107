import { type SessionRecord, sessions } from '@parley/db';
import { cookieHeader, csrfCookie, isHttps, readCookie, sessionCookie } from './cookies';
import { hashToken, newToken } from './tokens';

/** How long a sign-in lasts. */
export const sessionTtlMs = 7 * 24 * 60 * 60 * 1000;

/** The Set-Cookie values that start a session for `userId`; the token is stored only hashed. */
export async function startSession(
  userId: string,
  request: Request,
): Promise<{ cookies: string[]; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  // Sign-ins are rare enough to sweep expired sessions on each; no scheduler needed.
  await sessions.removeExpired();
  await sessions.create({ id: hashToken(token), userId, csrfToken, expiresAt: new Date(Date.now() + sessionTtlMs) });
  const secure = isHttps(request);
  const maxAgeSeconds = sessionTtlMs / 1000;
  return {
    csrfToken,
    cookies: [
      cookieHeader(sessionCookie, token, { maxAgeSeconds, httpOnly: true, secure }),
      cookieHeader(csrfCookie, csrfToken, { maxAgeSeconds, httpOnly: false, secure }),
    ],
  };
}

/** The session the request's cookie names (unexpired), or null. */
export function sessionFromCookieHeader(cookieHeaderValue: string | null): Promise<SessionRecord | null> {
  const token = readCookie(cookieHeaderValue, sessionCookie);
  return token ? sessions.find(hashToken(token)) : Promise.resolve(null);
}

/** Deletes the request's session and returns the Set-Cookie values that clear both cookies. */
export async function endSession(request: Request): Promise<string[]> {
  const token = readCookie(request.headers.get('cookie'), sessionCookie);
  if (token) await sessions.remove(hashToken(token));
  const secure = isHttps(request);
  return [
    cookieHeader(sessionCookie, '', { maxAgeSeconds: 0, httpOnly: true, secure }),
    cookieHeader(csrfCookie, '', { maxAgeSeconds: 0, httpOnly: false, secure }),
  ];
}
