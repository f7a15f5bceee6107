import { AccessToken } from 'livekit-server-sdk';

/** A short-lived JWT that lets this process register as an agent worker. */
export async function workerToken(apiKey: string, apiSecret: string): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, { ttl: '10m' });
  token.addGrant({ agent: true });
  return token.toJwt();
}

/** The worker WebSocket URL of a LiveKit server URL (http(s) or ws(s)), ending in `/agent`. */
export function agentSocketUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.protocol = url.protocol.replace(/^http/, 'ws');
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/agent`;
  return url.toString();
}
