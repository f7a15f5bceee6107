import type { IncomingMessage, ServerResponse } from 'node:http';
import { CallTokenError, verifyRecordingToken } from '@parley/calls';
import { recordings } from '@parley/db';
import { json, MAX_BODY_BYTES } from '../http/json-io';
import type { Logger } from '../log';
import { readJson } from './read-json';
import type { RecordingStore } from './recording-store';
import { type RecordingFile, recordingFiles } from './recording-store';
import type { RecordingStoreConfig } from './recordings-config';
import type { ReplayJob } from './replay-ipc';
import { parseReplayOverrides } from './replay-overrides';
import type { ReplayOutcome } from './replay-process';
import { replaySetRoute } from './replay-set-route';

const route = /^\/recordings\/([0-9a-fA-F-]{36})(?:\/(caller\.pcm|agent\.pcm|timeline\.jsonl|replay))?$/;
const setRoute = '/recordings/replay-set';

export interface RecordingsRouteOptions {
  store: RecordingStore;
  storeConfig: RecordingStoreConfig;
  secret: string;
  replay: (job: ReplayJob) => Promise<ReplayOutcome>;
  log: Logger;
}

/** Whether `path` is a recordings route. */
export function isRecordingsPath(path: string): boolean {
  return route.test(path) || path === setRoute;
}

/**
 * The web app's way to a call's recording, with `Authorization: Bearer <recording token>` for the
 * call (signed with PARLEY_SECRET): GET /recordings/:callId/<file> (raw bytes),
 * DELETE /recordings/:callId, POST /recordings/:callId/replay `{"overrides": {...}}` (replayed in
 * a process of its own); POST /recordings/replay-set replays several calls (replay-set-route.ts).
 */
export function recordingsRoute(options: RecordingsRouteOptions) {
  const serveSet = replaySetRoute(options);
  return async (request: IncomingMessage, response: ServerResponse, path: string): Promise<void> => {
    if (path === setRoute) return serveSet(request, response);
    const [, callId = '', part] = route.exec(path) ?? [];
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    try {
      verifyRecordingToken(options.secret, token, callId);
    } catch (error) {
      if (!(error instanceof CallTokenError)) throw error;
      return json(response, 401, { error: error.message });
    }
    if (request.method === 'DELETE' && !part) {
      await options.store.delete(callId);
      await recordings.markDeleted(callId);
      options.log.info('recording deleted', { callId });
      response.writeHead(204);
      return void response.end();
    }
    if (request.method === 'GET' && part && recordingFiles.includes(part as RecordingFile)) {
      const bytes = await options.store.read(callId, part as RecordingFile);
      if (!bytes) return json(response, 404, { error: `call ${callId} has no recording` });
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
      return void response.end(bytes);
    }
    if (request.method === 'POST' && part === 'replay') {
      const body = await readJson(request);
      if (!body) return json(response, 400, { error: `expected a JSON body under ${MAX_BODY_BYTES} bytes` });
      const parsed = parseReplayOverrides((body.value as { overrides?: unknown } | null)?.overrides);
      if ('problem' in parsed) return json(response, 400, { error: parsed.problem, code: 'invalid_overrides' });
      const outcome = await options.replay({ store: options.storeConfig, callId, overrides: parsed.overrides });
      if ('missing' in outcome) return json(response, 404, { error: `call ${callId} has no recording` });
      if ('failed' in outcome) {
        options.log.warn('replay failed', { callId, reason: outcome.failed });
        return json(response, 422, { error: `the recording could not be replayed: ${outcome.failed}` });
      }
      return json(response, 200, outcome.result);
    }
    json(response, 405, { error: `${request.method} ${path} is not supported` });
  };
}
