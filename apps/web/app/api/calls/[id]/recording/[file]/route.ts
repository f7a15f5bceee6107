import { ApiError } from '@/src/server/api-error';
import { authed } from '@/src/server/auth/api-auth';
import { callsConfig } from '@/src/server/calls-config';
import { recordingFile, recordingFileNames } from '@/src/server/recordings-client';

/** The context Next passes to handlers under /api/calls/[id]/recording/[file]. */
interface RecordingFileContext {
  params: Promise<{ id: string; file: string }>;
}

/**
 * One file of the call's recording: `caller.pcm` / `agent.pcm` (raw s16le, 16 kHz mono) or
 * `timeline.jsonl`. 404 when the call has no recording.
 */
export const GET = authed(async (_request, { params }: RecordingFileContext, { repos }) => {
  const { id, file } = await params;
  if (!recordingFileNames.includes(file as (typeof recordingFileNames)[number])) {
    throw new ApiError(404, 'not_found', `A recording has no file "${file}"; it has ${recordingFileNames.join(', ')}.`);
  }
  const call = await repos.calls.get(id);
  if (!call.recorded) throw new ApiError(404, 'not_found', `Call ${id} has no recording.`);
  const bytes = await recordingFile(callsConfig(), id, file);
  return new Response(bytes, {
    headers: {
      'content-type': file.endsWith('.jsonl') ? 'application/x-ndjson' : 'application/octet-stream',
      'cache-control': 'private, no-store',
    },
  });
});
