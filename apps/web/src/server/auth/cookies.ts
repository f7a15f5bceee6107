/** The HttpOnly cookie holding the session token. */
export const sessionCookie = 'parley_session';
/** A readable cookie holding the session's CSRF token, which the page sends back in x-csrf-token. */
export const csrfCookie = 'parley_csrf';
/** The header state-changing requests carry the CSRF token in. */
export const csrfHeader = 'x-csrf-token';

/** Whether the browser reached us over https (directly or through a proxy that says so). */
export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
}

/** A Set-Cookie value: Path=/, SameSite=Lax, Secure over https, HttpOnly unless the page must read it. */
export function cookieHeader(
  name: string,
  value: string,
  options: { maxAgeSeconds: number; httpOnly: boolean; secure: boolean },
): string {
  const parts = [`${name}=${value}`, 'Path=/', 'SameSite=Lax', `Max-Age=${options.maxAgeSeconds}`];
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** The value of cookie `name` in a Cookie header, or undefined. */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
