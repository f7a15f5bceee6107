import { authed } from '@/src/server/auth/api-auth';
import { admitTestCall, maxConcurrentTestCalls } from '@/src/server/auth/call-limits';
import { callsConfig } from '@/src/server/calls-config';
import { startTestCall } from '@/src/server/calls-start';
import { callView } from '@/src/server/calls-view';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import { startCallBody } from '@/src/server/request-schemas';
import { callListResponse, startedCallResponse } from '@/src/server/response-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/** The flow's calls, newest first: status, duration and version. */
export const GET = authed(async (_request, { params }: FlowRouteContext, { repos }) => {
  const { id } = await params;
  return reply(callListResponse, { calls: (await repos.calls.listByFlow(id)).map(callView) });
});

/** Starts a test call and answers with how to join it (local WebSocket or LiveKit room); 429 past the limits. */
export const POST = authed(async (request, { params }: FlowRouteContext, { repos, session }) => {
  const { id } = await params;
  const { version, record } = parseBody(startCallBody, await readJsonBody(request, { emptyAs: {} }));
  await repos.flows.get(id);
  const max = maxConcurrentTestCalls();
  await admitTestCall(session.workspace.id, repos, max);
  return reply(startedCallResponse, await startTestCall(callsConfig(), repos, id, { version, max, record }), {
    status: 201,
    headers: { 'cache-control': 'no-store' },
  });
});
