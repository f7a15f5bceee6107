import type { IncomingMessage, ServerResponse } from 'node:http';
import { CallTokenError, verifyRecordingToken } from '@parley/calls';
import { json, MAX_BODY_BYTES } from '../http/json-io';
import { readJson } from './read-json';
import type { RecordingsRouteOptions } from './recordings-route';
import { parseReplayOverrides } from './replay-overrides';
import { MAX_REPLAY_SET, replaySet } from './replay-set';

/** What POST /recordings/replay-set reads: each call with its own recording token. */
function parseCalls(value: unknown): { calls: { callId: string; token: string }[] } | { problem: string } {
  if (!Array.isArray(value) || value.length === 0) return { problem: 'calls: expected a non-empty array' };
  if (value.length > MAX_REPLAY_SET) return { problem: `calls: at most ${MAX_REPLAY_SET} calls per set` };
  const calls: { callId: string; token: string }[] = [];
  for (const [index, entry] of value.entries()) {
    const { callId, token } = (entry ?? {}) as { callId?: unknown; token?: unknown };
    if (typeof callId !== 'string' || typeof token !== 'string')
      return { problem: `calls.${index}: expected {"callId": string, "token": string}` };
    calls.push({ callId, token });
  }
  return { calls };
}

/**
 * POST /recordings/replay-set `{"calls": [{"callId", "token"}], "overrides"}`: every call needs its
 * own recording token (so a set grants nothing a single call would not); the answer is each call's
 * totals and the totals across the set, replayed outside this process like a single call.
 */
export function replaySetRoute(options: RecordingsRouteOptions) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST') return json(response, 405, { error: `${request.method} is not supported here` });
    const body = await readJson(request);
    if (!body) return json(response, 400, { error: `expected a JSON body under ${MAX_BODY_BYTES} bytes` });
    const { calls: rawCalls, overrides: rawOverrides } = (body.value ?? {}) as { calls?: unknown; overrides?: unknown };
    const calls = parseCalls(rawCalls);
    if ('problem' in calls) return json(response, 400, { error: calls.problem, code: 'invalid_calls' });
    for (const { callId, token } of calls.calls) {
      try {
        verifyRecordingToken(options.secret, token, callId);
      } catch (error) {
        if (!(error instanceof CallTokenError)) throw error;
        return json(response, 401, { error: `call ${callId}: ${error.message}` });
      }
    }
    const parsed = parseReplayOverrides(rawOverrides);
    if ('problem' in parsed) return json(response, 400, { error: parsed.problem, code: 'invalid_overrides' });
    const ids = calls.calls.map((c) => c.callId);
    const result = await replaySet(ids, parsed.overrides, options.storeConfig, options.replay);
    for (const call of result.calls)
      if ('failed' in call) options.log.warn('replay failed', { callId: call.callId, reason: call.failed });
    return json(response, 200, result);
  };
}
