import { requireSecretKey } from '@/src/server/call-api/bearer-key';
import { startedSessionResponse, startSessionBody } from '@/src/server/call-api/schemas';
import { startApiSession } from '@/src/server/call-api/start-session';
import { callsConfig } from '@/src/server/calls-config';
import { handle } from '@/src/server/handle';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import type { FlowRouteContext } from '@/src/server/route-context';

/**
 * The call API: a customer's backend, holding a secret API key (`Authorization: Bearer`, no
 * cookie, so no CSRF token), starts a session of a published flow (by id or slug) and passes
 * the answer on to its caller's client.
 */
export const POST = handle(async (request: Request, { params }: FlowRouteContext) => {
  const key = await requireSecretKey(request);
  const { id } = await params;
  const body = parseBody(startSessionBody, await readJsonBody(request, { emptyAs: {} }));
  return reply(startedSessionResponse, await startApiSession(callsConfig(), key, id, body), {
    status: 201,
    headers: { 'cache-control': 'no-store' },
  });
});
