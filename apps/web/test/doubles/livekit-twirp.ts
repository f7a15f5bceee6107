import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenVerifier } from 'livekit-server-sdk';

/** A CreateDispatch request the double accepted, with the grants its bearer token carried. */
export interface ReceivedDispatch {
  room: string;
  agentName: string;
  metadata: string;
  grants: { roomAdmin?: boolean; room?: string };
}

/** A local stand-in for a LiveKit server's Twirp API: only AgentDispatchService/CreateDispatch. */
export interface LiveKitTwirpDouble {
  url: string;
  dispatches: ReceivedDispatch[];
  close(): Promise<void>;
}

/**
 * Speaks LiveKit's Twirp wire protocol (POST /twirp/livekit.<Service>/<Method>, JSON bodies,
 * Twirp error JSON) and verifies each request's JWT with the API key and secret, as the real
 * server does.
 */
export async function startLiveKitTwirpDouble(apiKey: string, apiSecret: string): Promise<LiveKitTwirpDouble> {
  const verifier = new TokenVerifier(apiKey, apiSecret);
  const dispatches: ReceivedDispatch[] = [];
  const twirpError = (status: number, code: string, msg: string) => ({ status, body: { code, msg } });
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const answer = await (async () => {
      if (request.method !== 'POST' || request.url !== '/twirp/livekit.AgentDispatchService/CreateDispatch') {
        return twirpError(404, 'bad_route', `no handler for ${request.method} ${request.url}`);
      }
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!token) return twirpError(401, 'unauthenticated', 'no bearer token');
      let claims: { video?: { roomAdmin?: boolean; room?: string } };
      try {
        claims = await verifier.verify(token);
      } catch (error) {
        return twirpError(401, 'unauthenticated', `invalid token: ${(error as Error).message}`);
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
      const grants = claims.video ?? {};
      if (!grants.roomAdmin || grants.room !== body.room) {
        return twirpError(403, 'permission_denied', 'the token does not grant roomAdmin for this room');
      }
      const dispatch = {
        room: body.room ?? '',
        agentName: body.agent_name ?? body.agentName ?? '',
        metadata: body.metadata ?? '',
        grants,
      };
      dispatches.push(dispatch);
      return {
        status: 200,
        body: {
          id: `AD_${dispatches.length}`,
          agent_name: dispatch.agentName,
          room: dispatch.room,
          metadata: dispatch.metadata,
        },
      };
    })();
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    dispatches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
