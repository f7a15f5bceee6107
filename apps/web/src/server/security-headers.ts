/** Where the browser may open connections besides this origin: the runtime and LiveKit. */
function connectSources(env: Readonly<Record<string, string | undefined>>): string[] {
  const sources = new Set<string>(["'self'"]);
  for (const value of [env.RUNTIME_PUBLIC_URL || 'ws://localhost:3001', env.LIVEKIT_URL]) {
    if (!value) continue;
    try {
      const url = new URL(value);
      const secure = url.protocol === 'wss:' || url.protocol === 'https:';
      sources.add(`${secure ? 'wss' : 'ws'}://${url.host}`);
      sources.add(`${secure ? 'https' : 'http'}://${url.host}`);
    } catch {
      // A malformed URL is reported where it is used; it adds no source here.
    }
  }
  return [...sources];
}

/** Request header the proxy sets on widget pages (/embed/...), so the layout leaves out the app's frame. */
export const EMBED_PAGE_HEADER = 'x-parley-embed';

/**
 * The Content-Security-Policy of every page: scripts only from this origin or carrying this
 * request's nonce (Next puts it on its own inline scripts), plus blob: for the call tester's
 * AudioWorklets; no plugins; framing only by `frameAncestors` (this origin, except widget pages).
 */
export function contentSecurityPolicy(
  nonce: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  frameAncestors = "'self'",
): string {
  const dev = env.NODE_ENV !== 'production';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' blob:${dev ? " 'unsafe-eval'" : ''}`,
    // React Flow and the canvas set element styles inline.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    `connect-src ${connectSources(env).join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** Headers every response gets, static files included (set in next.config.ts). */
export const staticSecurityHeaders: { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];

/** For browsers that predate frame-ancestors: every page but the widget's, which other sites frame. */
export const frameOptionsHeader = { key: 'X-Frame-Options', value: 'SAMEORIGIN' };

/** HSTS, only when the request reached us over https (directly or through a proxy that says so). */
export function strictTransportSecurity(request: Request): string | null {
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? new URL(request.url).protocol;
  return proto === 'https' || proto === 'https:' ? 'max-age=31536000; includeSubDomains' : null;
}
