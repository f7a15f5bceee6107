import { randomUUID } from 'node:crypto';
import { type ApiKeyRecord, CallCapReachedError, forWorkspace, slugs, workspaces } from '@parley/db';
import type { z } from 'zod';
import { ApiError } from '../api-error';
import type { CallsConfig } from '../calls-config';
import { localJoin } from '../calls-start';
import { requireRuntimeReady } from '../runtime-client';
import { mintSessionToken } from './livekit-session-token';
import type { startedSessionResponse, startSessionBody } from './schemas';
import { requireCallRoom, takeSessionStart, workspaceCapReached } from './session-limits';
import { checkSessionVariables } from './session-variables';

/** What POST /api/v1/flows/:id/sessions answers. */
export type StartedSession = z.input<typeof startedSessionResponse>;

/**
 * Starts a session of flow `idOrSlug`'s live version for the holder of `key`: checks that the
 * flow is one of the key's (other workspaces' flows are simply not found), the per-key rate
 * limit (`source` api; the widget's route limits each visitor instead), the variables and the
 * workspace's call cap, then answers how to join. With LiveKit the
 * runtime creates the call when the caller's join dispatches the agent; in local mode the call
 * is created here.
 */
export async function startApiSession(
  config: CallsConfig,
  key: ApiKeyRecord,
  idOrSlug: string,
  body: z.output<typeof startSessionBody>,
  source: 'api' | 'embed' = 'api',
): Promise<StartedSession> {
  const flowId = await slugs.flowIdOf(key.workspaceId, idOrSlug);
  if (!key.flowIds.includes(flowId)) {
    throw new ApiError(
      403,
      'forbidden',
      `This API key may not start sessions of flow "${idOrSlug}"; create a key that includes it in Settings.`,
    );
  }
  // A widget key is shared by every visitor of a site: the widget route limits each visitor instead.
  if (source === 'api') await takeSessionStart(key.id);
  const repos = forWorkspace(key.workspaceId);
  const flow = await repos.flows.get(flowId);
  if (!flow.liveVersionId) {
    throw new ApiError(
      409,
      'not_published',
      `Flow "${idOrSlug}" has no live version yet: publish it first, then start sessions.`,
    );
  }
  const version = await repos.versions.getById(flow.liveVersionId);
  const variables = checkSessionVariables(version.spec, body.variables);
  const { maxConcurrentCalls } = await workspaces.get(key.workspaceId);
  const identity = body.participantIdentity ?? `caller-${randomUUID()}`;

  if (config.livekit) {
    await requireCallRoom(repos, maxConcurrentCalls);
    const join = await mintSessionToken(
      config.livekit,
      { flowId, variables, source },
      { identity, name: body.participantName },
    );
    return { mode: 'livekit', ...join };
  }

  await requireRuntimeReady(config);
  try {
    const call = await repos.calls.createCapped(
      {
        flowVersionId: version.id,
        mode: 'local',
        source,
        variables,
        apiKeyId: key.id,
        callerIdentity: identity,
      },
      maxConcurrentCalls,
    );
    return { mode: 'local', callId: call.id, versionNumber: version.number, ...localJoin(config, call) };
  } catch (error) {
    if (error instanceof CallCapReachedError) throw workspaceCapReached(error.max);
    throw error;
  }
}
