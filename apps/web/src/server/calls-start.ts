import { signCallToken } from '@parley/calls';
import type { WorkspaceRepositories } from '@parley/db';
import type { CallsConfig } from './calls-config';
import { versionForTest } from './calls-version';
import { joinLiveKitCall, type LiveKitJoin, newRoomName } from './livekit-session';
import { requireRuntimeReady } from './runtime-client';

/** How the browser joins the call it asked for. */
export type StartedCall =
  | { callId: string; versionNumber: number; mode: 'local'; url: string; token: string }
  | ({ callId: string; versionNumber: number; mode: 'livekit' } & LiveKitJoin);

/** How long a local-mode call token is good for: the browser connects right after it gets one. */
const LOCAL_TOKEN_TTL_MS = 60_000;

/**
 * Creates a test call on version `number` (or a snapshot of the draft) and returns how to join
 * it: through LiveKit when the server is configured for it, else the runtime's WebSocket.
 */
export async function startTestCall(
  config: CallsConfig,
  repos: WorkspaceRepositories,
  flowId: string,
  number?: number,
): Promise<StartedCall> {
  if (!config.livekit) await requireRuntimeReady(config);
  const version = await versionForTest(repos, flowId, number);
  const { calls } = repos;
  if (config.livekit) {
    const room = newRoomName();
    const call = await calls.create({ flowVersionId: version.id, mode: 'livekit', room });
    const join = await joinLiveKitCall(config.livekit, room, { callId: call.id, flowVersionId: version.id });
    return { callId: call.id, versionNumber: version.number, mode: 'livekit', ...join };
  }
  const call = await calls.create({ flowVersionId: version.id, mode: 'local' });
  const token = signCallToken(
    config.secret,
    { callId: call.id, flowVersionId: version.id },
    { ttlMs: LOCAL_TOKEN_TTL_MS },
  );
  return {
    callId: call.id,
    versionNumber: version.number,
    mode: 'local',
    url: `${config.publicUrl}/calls/${encodeURIComponent(call.id)}/ws`,
    token,
  };
}
