import { calls } from '@parley/db';
import { z } from 'zod';
import { callsConfig } from '@/src/server/calls-config';
import { startTestCall } from '@/src/server/calls-start';
import { callView } from '@/src/server/calls-view';
import { handle } from '@/src/server/handle';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import type { FlowRouteContext } from '@/src/server/route-context';

/** POST body: the version to call; without one, the draft (snapshotted first). */
const startCallBody = z.object({ version: z.number().int().positive().optional() }).strict();

/** The flow's calls, newest first: status, duration and version. */
export const GET = handle(async (_request, { params }: FlowRouteContext) => {
  const { id } = await params;
  return Response.json({ calls: (await calls.listByFlow(id)).map(callView) });
});

/** Starts a test call and answers with how to join it (local WebSocket or LiveKit room). */
export const POST = handle(async (request, { params }: FlowRouteContext) => {
  const { id } = await params;
  const { version } = parseBody(startCallBody, await readJsonBody(request, { emptyAs: {} }));
  return Response.json(await startTestCall(callsConfig(), id, version), {
    status: 201,
    headers: { 'cache-control': 'no-store' },
  });
});
