import { recordings } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import { flowRecordingBody } from '@/src/server/request-schemas';
import { flowRecordingResponse } from '@/src/server/response-schemas';
import type { FlowRouteContext } from '@/src/server/route-context';

/** Whether every call of the flow is recorded (a setting of the flow record, never exported with its spec). */
export const GET = authed(async (_request, { params }: FlowRouteContext, { repos }) => {
  const { id } = await params;
  await repos.flows.get(id);
  return reply(flowRecordingResponse, { recordCalls: await recordings.flowRecords(id) });
});

/** Turns recording of every call of the flow on or off. */
export const PUT = authed(async (request, { params }: FlowRouteContext, { repos }) => {
  const { id } = await params;
  const { recordCalls } = parseBody(flowRecordingBody, await readJsonBody(request));
  await repos.flows.get(id);
  await recordings.setFlowRecords(id, recordCalls);
  return reply(flowRecordingResponse, { recordCalls });
});
