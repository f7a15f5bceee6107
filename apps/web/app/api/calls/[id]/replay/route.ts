import { ApiError } from '@/src/server/api-error';
import { authed } from '@/src/server/auth/api-auth';
import { callsConfig } from '@/src/server/calls-config';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { replayRecording } from '@/src/server/recordings-client';
import { replayBody } from '@/src/server/request-schemas';

/** The context Next passes to handlers under /api/calls/[id]/replay. */
interface ReplayContext {
  params: Promise<{ id: string }>;
}

/**
 * Replays the call's turn-taking on its recording with other turn settings (`{"overrides":
 * {...}}`, the FlowSpec's turnHandling shape) and answers with the engine's ReplayResult:
 * per-turn replay vs recorded, interruptions, totals. 422 naming a bad setting.
 */
export const POST = authed(async (request, { params }: ReplayContext, { repos }) => {
  const { id } = await params;
  const { overrides } = parseBody(replayBody, await readJsonBody(request, { emptyAs: {} }));
  const call = await repos.calls.get(id);
  if (!call.recorded) throw new ApiError(404, 'not_found', `Call ${id} has no recording to replay.`);
  return Response.json(await replayRecording(callsConfig(), id, overrides), {
    headers: { 'cache-control': 'no-store' },
  });
});
