import { ApiError } from '@/src/server/api-error';
import { authed } from '@/src/server/auth/api-auth';
import { callsConfig } from '@/src/server/calls-config';
import { deleteRecording } from '@/src/server/recordings-client';

/** The context Next passes to handlers under /api/calls/[id]/recording. */
interface RecordingContext {
  params: Promise<{ id: string }>;
}

/** Deletes the call's recording (both tracks and the timeline); 404 when it has none. */
export const DELETE = authed(async (_request, { params }: RecordingContext, { repos }) => {
  const { id } = await params;
  const call = await repos.calls.get(id);
  if (!call.recorded) throw new ApiError(404, 'not_found', `Call ${id} has no recording.`);
  await deleteRecording(callsConfig(), id);
  return new Response(null, { status: 204 });
});
