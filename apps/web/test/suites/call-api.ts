import { forWorkspace, getDb, slugs } from '@parley/db';
import { TokenVerifier } from 'livekit-server-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../support/accounts';
import { createFlow, createKey, startSession } from '../support/call-api';
import { type Api, client } from '../support/http';

/** The LiveKit credentials and per-key session limit the suite's server was started with. */
export interface CallApiServer {
  url: () => string;
  output: () => string;
  livekit: { apiKey: string; apiSecret: string; publicUrl: string };
  sessionsPerMinute: number;
}

/**
 * Workspace API keys (Settings routes) and the call API in LiveKit mode, through the real
 * server: keys are shown once and scoped, sessions get a room token whose configuration
 * dispatches the runtime's agent with the flow and variables.
 */
export function callApiSuite(server: CallApiServer): void {
  let owner: TestAccount;
  let api: Api;
  let flowId: string;
  const verifier = () => new TokenVerifier(server.livekit.apiKey, server.livekit.apiSecret);

  beforeAll(async () => {
    owner = await createAccount();
    api = client(server.url);
    await api.signIn(owner.email, owner.password);
    flowId = await createFlow(api, 'Call API', { publish: true });
  });

  describe('API keys in Settings', () => {
    it('create -> use -> revoke -> 401: the key is shown once, never listed, and audited', async () => {
      const created = await api.post('/api/api-keys', { name: 'booking backend', flowIds: [flowId] });
      expect(created.status).toBe(201);
      const key = created.body.key as string;
      expect(key).toMatch(/^parley_sk_[A-Za-z0-9_-]{20,}$/);
      expect(created.body.apiKey).toMatchObject({
        name: 'booking backend',
        kind: 'secret',
        prefix: key.slice(0, 12),
        flowIds: [flowId],
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(created.headers.get('cache-control')).toBe('no-store');

      const used = await startSession(server.url(), flowId, key, { variables: { customerName: 'Ada' } });
      expect(used.status, JSON.stringify(used.body)).toBe(201);

      const listed = await api.get('/api/api-keys');
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.body)).not.toContain(key);
      const row = listed.body.keys.find((k: { id: string }) => k.id === created.body.apiKey.id);
      expect(row).toMatchObject({ prefix: key.slice(0, 12), flowIds: [flowId], revokedAt: null });
      expect(row.lastUsedAt).not.toBeNull();
      expect(Object.keys(row).sort()).toEqual(
        ['allowedOrigins', 'createdAt', 'flowIds', 'id', 'kind', 'lastUsedAt', 'name', 'prefix', 'revokedAt'].sort(),
      );

      const revoked = await api.del(`/api/api-keys/${created.body.apiKey.id}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body.apiKey.revokedAt).not.toBeNull();
      const refused = await startSession(server.url(), flowId, key);
      expect(refused.status).toBe(401);
      expect(refused.body.error).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/revoked/) });

      const actions = (await api.get('/api/audit')).body.entries.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['api_key_create', 'api_key_revoke']));
      expect(server.output()).not.toContain(key);
    });

    it('a key needs a name and at least one flow of this workspace, each problem named', async () => {
      const none = await api.post('/api/api-keys', { name: 'empty', flowIds: [] });
      expect(none.status).toBe(400);
      expect(none.body.error.issues).toEqual([expect.objectContaining({ path: 'flowIds' })]);
      const stranger = await createAccount();
      const theirs = (await forWorkspace(stranger.workspaceId).flows.create(await specOf(api, flowId))).id;
      const foreign = await api.post('/api/api-keys', { name: 'foreign', flowIds: [flowId, theirs] });
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.issues).toEqual([
        { path: 'flowIds.1', message: `no flow ${theirs} in this workspace` },
      ]);
      const unnamed = await api.post('/api/api-keys', { name: ' ', flowIds: [flowId] });
      expect(unnamed.status).toBe(400);
      expect(unnamed.body.error.message).toMatch(/name/);
    });

    it('members may list keys but not create or revoke them', async () => {
      const member = await createAccount({ workspaceId: owner.workspaceId, role: 'member' });
      const memberApi = client(server.url);
      await memberApi.signIn(member.email, member.password);
      expect((await memberApi.get('/api/api-keys')).status).toBe(200);
      const create = await memberApi.post('/api/api-keys', { name: 'nope', flowIds: [flowId] });
      expect(create.status).toBe(403);
      expect(create.body.error.code).toBe('forbidden');
      const { id } = await createKey(api, [flowId]);
      expect((await memberApi.del(`/api/api-keys/${id}`)).status).toBe(403);
    });
  });

  describe('POST /api/v1/flows/:id/sessions in LiveKit mode', () => {
    it('answers a room token for that room only, dispatching the agent with the flow and variables', async () => {
      const { key } = await createKey(api, [flowId]);
      const before = Date.now();
      const started = await startSession(server.url(), flowId, key, {
        variables: { customerName: 'Ada' },
        participantIdentity: 'customer-42',
        participantName: 'Ada',
      });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      expect(started.body).toMatchObject({
        mode: 'livekit',
        serverUrl: server.livekit.publicUrl,
        participantIdentity: 'customer-42',
        room: expect.stringMatching(/^parley-call-/),
      });
      expect(started.headers.get('cache-control')).toBe('no-store');

      const claims = await verifier().verify(started.body.participantToken);
      expect(claims.sub).toBe('customer-42');
      expect(claims.name).toBe('Ada');
      expect(claims.video).toMatchObject({ room: started.body.room, roomJoin: true, canPublish: true });
      expect(claims.video?.roomAdmin).toBeFalsy();
      expect(claims.video?.roomCreate).toBeFalsy();
      const ttl = (claims.exp ?? 0) - (claims.nbf ?? 0);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(15 * 60);
      const expiresAt = Date.parse(started.body.expiresAt);
      expect(expiresAt).toBeGreaterThan(before);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 15 * 60_000);

      const agents = (claims.roomConfig as { agents?: { agentName?: string; metadata?: string }[] }).agents ?? [];
      expect(agents).toHaveLength(1);
      expect(agents[0]?.agentName).toBe('parley');
      expect(JSON.parse(agents[0]?.metadata ?? '')).toEqual({
        flowId,
        variables: { customerName: 'Ada' },
        source: 'api',
      });
    });

    it('finds the flow by slug, and an empty body is no variables with a made-up identity', async () => {
      const slugged = await createFlow(api, 'Slugged', { publish: true });
      await slugs.setFlowSlug(slugged, `front-desk-${Date.now()}`);
      const slug = (await getDb().flow.findUniqueOrThrow({ where: { id: slugged } })).slug as string;
      const { key } = await createKey(api, [slugged]);
      const started = await startSession(server.url(), slug, key);
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      expect(started.body.participantIdentity).toMatch(/^caller-/);
      const claims = await verifier().verify(started.body.participantToken);
      const agents = (claims.roomConfig as { agents: { metadata: string }[] }).agents;
      expect(JSON.parse(agents[0]?.metadata ?? '')).toEqual({ flowId: slugged, variables: {}, source: 'api' });
    });

    it('refuses a missing, malformed, unknown or publishable key with 401 saying what is wrong', async () => {
      const none = await startSession(server.url(), flowId, null);
      expect(none.status).toBe(401);
      expect(none.body.error.message).toMatch(/Authorization: Bearer parley_sk_/);
      const basic = await startSession(server.url(), flowId, 'x', {}, 'Basic dXNlcjpwdw==');
      expect(basic.status).toBe(401);
      expect(basic.body.error.message).toMatch(/must be "Bearer/);
      const unknown = await startSession(server.url(), flowId, 'parley_sk_not-a-real-key-000000000000000');
      expect(unknown.status).toBe(401);
      expect(unknown.body.error.message).toMatch(/unknown or has been revoked/);
      const publishable = await api.post('/api/api-keys', { name: 'widget', kind: 'publishable', flowIds: [flowId] });
      expect(publishable.body.key).toMatch(/^parley_pk_/);
      const withPublishable = await startSession(server.url(), flowId, publishable.body.key);
      expect(withPublishable.status).toBe(401);
      expect(withPublishable.body.error.message).toMatch(/not a secret API key/);
    });

    it("another workspace's flow is not found, and a flow outside the key's list is forbidden", async () => {
      const stranger = await createAccount();
      const strangerApi = client(server.url);
      await strangerApi.signIn(stranger.email, stranger.password);
      const { key: strangerKey } = await createKey(strangerApi, [
        await createFlow(strangerApi, 'Theirs', { publish: true }),
      ]);
      const crossed = await startSession(server.url(), flowId, strangerKey);
      expect(crossed.status).toBe(404);
      expect(crossed.body.error.code).toBe('not_found');
      const missing = await startSession(server.url(), '00000000-0000-4000-8000-000000000000', strangerKey);
      expect(crossed.body.error.message.replace(flowId, 'X')).toBe(
        missing.body.error.message.replace('00000000-0000-4000-8000-000000000000', 'X'),
      );

      const other = await createFlow(api, 'Not in the key', { publish: true });
      const { key } = await createKey(api, [flowId]);
      const outside = await startSession(server.url(), other, key);
      expect(outside.status).toBe(403);
      expect(outside.body.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/may not start/) });
    });

    it('an unpublished flow is 409 "publish it first"', async () => {
      const draftOnly = await createFlow(api, 'Draft only', { publish: false });
      const { key } = await createKey(api, [draftOnly]);
      const refused = await startSession(server.url(), draftOnly, key);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'not_published',
        message: expect.stringMatching(/publish it first/),
      });
    });

    it('undeclared or non-string variables are 422, each named', async () => {
      const { key } = await createKey(api, [flowId]);
      const refused = await startSession(server.url(), flowId, key, {
        variables: { customerName: 7, accountId: 'A-1' },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('invalid_variables');
      expect(refused.body.error.issues).toEqual([
        { path: 'variables.customerName', message: 'must be a string' },
        { path: 'variables.accountId', message: 'the live version declares no such variable' },
      ]);
      expect(refused.body.error.message).toMatch(/"accountId".*declares: "customerName"/);
      const extra = await startSession(server.url(), flowId, key, { variables: {}, room: 'mine' });
      expect(extra.status).toBe(400);
      expect(extra.body.error.code).toBe('invalid_request');
    });

    it(`limits each key to ${server.sessionsPerMinute} sessions a minute: then 429 with Retry-After`, async () => {
      const { key } = await createKey(api, [flowId]);
      const { key: otherKey } = await createKey(api, [flowId]);
      for (let i = 0; i < server.sessionsPerMinute; i++) {
        expect((await startSession(server.url(), flowId, key)).status).toBe(201);
      }
      const limited = await startSession(server.url(), flowId, key);
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.body.error.retryAfterSeconds).toBe(retryAfter);
      // The limit is the key's: another key of the workspace still starts sessions.
      expect((await startSession(server.url(), flowId, otherKey)).status).toBe(201);
    });

    it('refuses sessions while the workspace has its maximum of calls going, naming the cap', async () => {
      const capped = await createAccount();
      const cappedApi = client(server.url);
      await cappedApi.signIn(capped.email, capped.password);
      const cappedFlow = await createFlow(cappedApi, 'Capped', { publish: true });
      const { key } = await createKey(cappedApi, [cappedFlow]);
      await getDb().workspace.update({ where: { id: capped.workspaceId }, data: { maxConcurrentCalls: 1 } });
      const repos = forWorkspace(capped.workspaceId);
      const live = await repos.versions.live(cappedFlow);
      expect((await startSession(server.url(), cappedFlow, key)).status).toBe(201);
      await repos.calls.create({ flowVersionId: live.id, mode: 'livekit', source: 'api' });
      const refused = await startSession(server.url(), cappedFlow, key);
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ code: 'too_many_calls', maxConcurrentCalls: 1 });
      expect(refused.body.error.message).toMatch(/already has 1 call going, its maximum/);
    });
  });
}

/** The flow's draft, to copy it into another workspace. */
async function specOf(api: Api, flowId: string) {
  return (await api.get(`/api/flows/${flowId}`)).body.flow.draft;
}
