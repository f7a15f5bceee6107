import { calls, forWorkspace, type WorkspaceRepositories, workspaces } from '@parley/db';
import { flowSpecSchema } from '@parley/engine/flow';
import { templates } from '@parley/engine/templates';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/server/api-error';
import { type CallsConfig, callsConfig } from '../../src/server/calls-config';
import { startTestCall } from '../../src/server/calls-start';
import { type LiveKitTwirpDouble, startLiveKitTwirpDouble } from '../doubles/livekit-twirp';

const SECRET = 'web-test-secret-0123456789abcdef';
const API_KEY = 'APItest';
const API_SECRET = 'livekit-test-secret-0123456789abcdef0123';

let livekit: LiveKitTwirpDouble;
let flowId: string;
let repos: WorkspaceRepositories;

beforeAll(async () => {
  livekit = await startLiveKitTwirpDouble(API_KEY, API_SECRET);
  const template = templates.find((t) => t.id === 'receptionist');
  repos = forWorkspace((await workspaces.create('Calls')).id);
  flowId = (await repos.flows.create(flowSpecSchema.parse(template?.spec))).id;
});

afterAll(async () => {
  await livekit?.close();
});

function config(env: Record<string, string>): CallsConfig {
  return callsConfig({ PARLEY_SECRET: SECRET, ...env });
}

describe('starting a test call', () => {
  it('in LiveKit mode: records the call, mints a token for its room only, and dispatches the agent', async () => {
    const started = await startTestCall(
      config({ LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: API_KEY, LIVEKIT_API_SECRET: API_SECRET }),
      repos,
      flowId,
      { max: 5 },
    );
    if (started.mode !== 'livekit') throw new Error(`expected a LiveKit call, got ${started.mode}`);
    const call = await calls.get(started.callId);
    expect(call).toMatchObject({ mode: 'livekit', room: started.room, status: 'pending' });
    expect(started.serverUrl).toBe(livekit.url);

    const claims = await new TokenVerifier(API_KEY, API_SECRET).verify(started.participantToken);
    expect(claims.video).toMatchObject({ room: started.room, roomJoin: true, canPublish: true, canSubscribe: true });
    expect(claims.video?.roomAdmin).toBeFalsy();
    expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBeLessThanOrEqual(600);

    expect(livekit.dispatches).toHaveLength(1);
    const dispatch = livekit.dispatches[0];
    expect(dispatch).toMatchObject({ room: started.room, agentName: 'parley' });
    expect(JSON.parse(dispatch?.metadata ?? '')).toEqual({ callId: call.id, flowVersionId: call.flowVersionId });
  });

  it('in LiveKit mode: tells the browser LIVEKIT_PUBLIC_URL, dispatching through LIVEKIT_URL', async () => {
    const started = await startTestCall(
      config({
        LIVEKIT_URL: livekit.url,
        LIVEKIT_PUBLIC_URL: 'wss://livekit.example.org',
        LIVEKIT_API_KEY: API_KEY,
        LIVEKIT_API_SECRET: API_SECRET,
      }),
      repos,
      flowId,
      { max: 5 },
    );
    if (started.mode !== 'livekit') throw new Error(`expected a LiveKit call, got ${started.mode}`);
    expect(started.serverUrl).toBe('wss://livekit.example.org');
    expect(livekit.dispatches.map((d) => d.room)).toContain(started.room);
  });

  it('in LiveKit mode: a dispatch the server refuses is an error naming LiveKit', async () => {
    const wrongSecret = config({
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: API_KEY,
      LIVEKIT_API_SECRET: 'not-the-secret-0123456789abcdef0123456',
    });
    const error = await startTestCall(wrongSecret, repos, flowId, { max: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'livekit_unavailable' });
    expect((error as Error).message).toMatch(/refused the agent dispatch.*invalid token/);
  });

  it('in local mode: a runtime that cannot be reached is a 503 saying how to start it', async () => {
    const error = await startTestCall(config({ RUNTIME_PUBLIC_URL: 'ws://127.0.0.1:9' }), repos, flowId, {
      max: 5,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'runtime_unavailable' });
    expect((error as Error).message).toMatch(/runtime at http:\/\/127\.0\.0\.1:9 cannot be reached/);
  });

  it('refuses half a LiveKit configuration, naming what is missing', () => {
    expect(() => config({ LIVEKIT_URL: livekit.url })).toThrow(/LIVEKIT_API_KEY, LIVEKIT_API_SECRET/);
  });
});
