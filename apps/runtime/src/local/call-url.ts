/** The local-mode WebSocket address: /calls/:callId/ws?token=<call token>. */
const callPath = /^\/calls\/([^/]+)\/ws$/;

/** The call id and token of a local-mode WebSocket request, or null when the path is not one. */
export function parseCallUrl(url: string | undefined): { callId: string; token: string } | null {
  const parsed = new URL(url ?? '/', 'http://runtime');
  const match = callPath.exec(parsed.pathname);
  if (!match?.[1]) return null;
  return { callId: decodeURIComponent(match[1]), token: parsed.searchParams.get('token') ?? '' };
}
