/**
 * The CSP frame-ancestors value for the widget of a key allowed on `origins`: only those sites
 * may frame it; with no key (or none allowed) nobody may.
 */
export function embedFrameAncestors(origins: readonly string[] | null): string {
  return origins && origins.length > 0 ? origins.join(' ') : "'none'";
}

/** Whether a browser request's Origin may start widget sessions: this server's own pages or an allowed site. */
export function originAllowed(request: Request, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.get('origin');
  // Not a browser (or a same-origin GET): the key and the per-address limit are the only checks.
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
