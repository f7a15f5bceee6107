import { signRecordingToken } from '@parley/calls';
import { ApiError } from './api-error';
import type { CallsConfig } from './calls-config';

/** The files of a call's recording the API serves. */
export const recordingFileNames = ['caller.pcm', 'agent.pcm', 'timeline.jsonl'] as const;

async function ask(config: CallsConfig, callId: string, path: string, init: RequestInit, timeoutMs: number) {
  const url = `${config.internalUrl}/recordings/${encodeURIComponent(callId)}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${signRecordingToken(config.secret, callId)}` },
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(
      503,
      'runtime_unavailable',
      `The runtime at ${new URL(url).origin} cannot be reached: recordings live with it. Start it or set RUNTIME_URL.`,
    );
  }
  if (response.status === 404) throw new ApiError(404, 'not_found', `Call ${callId} has no recording.`);
  if (response.status === 400) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(422, 'invalid_request', body.error ?? 'The replay settings are invalid.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(
      503,
      'runtime_unavailable',
      `The runtime could not do it: ${body.error ?? `HTTP ${response.status}`}.`,
    );
  }
  return response;
}

/** One file of call `callId`'s recording, as bytes. */
export async function recordingFile(config: CallsConfig, callId: string, file: string): Promise<ArrayBuffer> {
  return (await ask(config, callId, `/${file}`, {}, 30_000)).arrayBuffer();
}

/** Deletes call `callId`'s recording (the runtime marks the call unrecorded). */
export async function deleteRecording(config: CallsConfig, callId: string): Promise<void> {
  await ask(config, callId, '', { method: 'DELETE' }, 30_000);
}

/** Replays call `callId`'s turn-taking with `overrides` on the runtime; the engine's ReplayResult. */
export async function replayRecording(config: CallsConfig, callId: string, overrides: unknown): Promise<unknown> {
  const response = await ask(
    config,
    callId,
    '/replay',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ overrides }) },
    130_000,
  );
  return response.json();
}
