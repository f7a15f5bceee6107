import { apiKeys } from '@parley/db';
import { type NextRequest, NextResponse } from 'next/server';
import { embedFrameAncestors } from './src/server/embed/frame-policy';
import { contentSecurityPolicy, EMBED_PAGE_HEADER, strictTransportSecurity } from './src/server/security-headers';

/** Which sites may frame a widget page: the origins its publishable key allows (none without one). */
async function widgetFrameAncestors(request: NextRequest): Promise<string> {
  const key = request.nextUrl.searchParams.get('key');
  const record = key ? await apiKeys.peek(key, 'publishable') : null;
  return embedFrameAncestors(record?.allowedOrigins ?? null);
}

/**
 * Runs before every page and API route: a fresh nonce per request for the CSP (Next reads the
 * policy from the request headers and puts the nonce on its scripts), and HSTS behind https.
 * Widget pages (/embed/...) may be framed by the sites their key allows, and say so to the layout.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const widget = request.nextUrl.pathname.startsWith('/embed/');
  const policy = contentSecurityPolicy(nonce, process.env, widget ? await widgetFrameAncestors(request) : "'self'");
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  headers.set('x-nonce', nonce);
  if (widget) headers.set(EMBED_PAGE_HEADER, '1');
  else headers.delete(EMBED_PAGE_HEADER);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  const hsts = strictTransportSecurity(request);
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  return response;
}

export const config = {
  // Static build output carries no scripts to nonce; it gets the static headers from next.config.
  matcher: ['/((?!_next/static|_next/image|icon.svg|favicon.ico|embed.js).*)'],
};
