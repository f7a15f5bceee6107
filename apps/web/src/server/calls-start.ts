import { signCallToken } from '@parley/calls';
import { CallCapReachedError, type WorkspaceRepositories } from '@parley/db';
import { tooManyCalls } from './auth/call-limits';
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

/** Creates the pending call unless the workspace has `max` going (429 too_many_calls). */
async function createCall(
  repos: WorkspaceRepositories,
  input: { flowVersionId: string; mode: 'livekit' | 'local'; room?: string; record?: boolean },
  max: number,
) {
  try {
    return await repos.calls.createCapped(input, max);
  } catch (error) {
    if (error instanceof CallCapReachedError) throw tooManyCalls(error.max);
    throw error;
  }
}

/**
 * Creates a test call on version `options.version` (or a snapshot of the draft) and returns how to join
 * it: through LiveKit when the server is configured for it, else the runtime's WebSocket. At
 * most `options.max` test calls of the workspace go at once, counted atomically in the database.
 */
export async function startTestCall(
  config: CallsConfig,
  repos: WorkspaceRepositories,
  flowId: string,
  options: { version?: number | undefined; max: number; record?: boolean | undefined },
): Promise<StartedCall> {
  const { max } = options;
  const record = options.record === true;
  if (!config.livekit) await requireRuntimeReady(config);
  const version = await versionForTest(repos, flowId, options.version);
  if (config.livekit) {
    const room = newRoomName();
    const call = await createCall(repos, { flowVersionId: version.id, mode: 'livekit', room, record }, max);
    const join = await joinLiveKitCall(config.livekit, room, { callId: call.id, flowVersionId: version.id });
    return { callId: call.id, versionNumber: version.number, mode: 'livekit', ...join };
  }
  const call = await createCall(repos, { flowVersionId: version.id, mode: 'local', record }, max);
  const { url, token } = localJoin(config, call);
  return { callId: call.id, versionNumber: version.number, mode: 'local', url, token };
}

/**
 * How a client joins local-mode call `call`: the runtime's WebSocket for it and a call token
 * (append `?token=`) that expires at `expiresAt`.
 */
export function localJoin(
  config: CallsConfig,
  call: { id: string; flowVersionId: string },
): { url: string; token: string; expiresAt: Date } {
  const now = Date.now();
  const token = signCallToken(
    config.secret,
    { callId: call.id, flowVersionId: call.flowVersionId },
    { ttlMs: LOCAL_TOKEN_TTL_MS, now },
  );
  const expiresAt = new Date(now + LOCAL_TOKEN_TTL_MS);
  return { url: `${config.publicUrl}/calls/${encodeURIComponent(call.id)}/ws`, token, expiresAt };
}
