import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy, strictTransportSecurity } from './src/server/security-headers';

/**
 * Runs before every page and API route: a fresh nonce per request for the CSP (Next reads the
 * policy from the request headers and puts the nonce on its scripts), and HSTS behind https.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  headers.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  const hsts = strictTransportSecurity(request);
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  return response;
}

export const config = {
  // Static build output carries no scripts to nonce; it gets the static headers from next.config.
  matcher: ['/((?!_next/static|_next/image|icon.svg|favicon.ico).*)'],
};
