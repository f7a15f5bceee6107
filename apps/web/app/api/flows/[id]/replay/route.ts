import { ApiError } from '@/src/server/api-error';
import { authed } from '@/src/server/auth/api-auth';
import { callsConfig } from '@/src/server/calls-config';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { replayRecordingSet, replaySetBody } from '@/src/server/replay-set-client';
import type { FlowRouteContext } from '@/src/server/route-context';

/**
 * Replays a set of the flow's recorded calls (`{"callIds": [...], "overrides": {...}}`) under one
 * set of turn settings: each call's totals and the totals across the set, next to the recorded
 * ones. 422 naming a call that is not this flow's or has no recording, or a bad setting.
 */
export const POST = authed(async (request, { params }: FlowRouteContext, { repos }) => {
  const { id } = await params;
  const { callIds, overrides } = parseBody(replaySetBody, await readJsonBody(request));
  await repos.flows.get(id);
  for (const [index, callId] of callIds.entries()) {
    const call = await repos.calls.get(callId);
    if (call.flowId !== id)
      throw new ApiError(422, 'invalid_request', `callIds.${index}: call ${callId} is not a call of flow ${id}.`);
    if (!call.recorded)
      throw new ApiError(422, 'invalid_request', `callIds.${index}: call ${callId} has no recording to replay.`);
  }
  return Response.json(await replayRecordingSet(callsConfig(), [...new Set(callIds)], overrides), {
    headers: { 'cache-control': 'no-store' },
  });
});
