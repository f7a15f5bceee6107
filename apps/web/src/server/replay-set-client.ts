import { signRecordingToken } from '@parley/calls';
import { z } from 'zod';
import { ApiError } from './api-error';
import type { CallsConfig } from './calls-config';

/** POST /api/flows/:id/replay: which recorded calls of the flow, under which turn settings. */
export const replaySetBody = z
  .object({
    callIds: z.array(z.string().uuid()).min(1).max(50),
    overrides: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

/**
 * Replays the calls' recordings as one set on the runtime (each call with its own recording
 * token); the runtime's answer: each call's totals and the totals across the set.
 */
export async function replayRecordingSet(
  config: CallsConfig,
  callIds: readonly string[],
  overrides: unknown,
): Promise<unknown> {
  const url = `${config.internalUrl}/recordings/replay-set`;
  const calls = callIds.map((callId) => ({ callId, token: signRecordingToken(config.secret, callId) }));
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ calls, overrides }),
      // Calls replay one after another, each allowed up to 120 s.
      signal: AbortSignal.timeout(130_000 * callIds.length),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(
      503,
      'runtime_unavailable',
      `The runtime at ${new URL(url).origin} cannot be reached: recordings live with it. Start it or set RUNTIME_URL.`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (response.status === 400)
    throw new ApiError(422, 'invalid_request', body.error ?? 'The replay settings are invalid.');
  if (!response.ok)
    throw new ApiError(
      503,
      'runtime_unavailable',
      `The runtime could not do it: ${body.error ?? `HTTP ${response.status}`}.`,
    );
  return body;
}
