import { callEvents, calls, forWorkspace, getDb } from '@parley/db';
import { flowSpecSchema } from '@parley/engine/flow';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../support/accounts';
import { type Api, client } from '../support/http';
import { twoAgentSpec } from '../support/specs';

interface Listed {
  id: string;
  flowId: string;
  flowName: string;
  versionNumber: number;
  source: string;
  status: string;
}

/** Makes a call straight in the database at a fixed creation time (minutes after a base instant). */
async function seedCall(
  flowVersionId: string,
  minute: number,
  details: Omit<Parameters<typeof calls.create>[0], 'flowVersionId' | 'mode'> = {},
): Promise<string> {
  const call = await calls.create({ flowVersionId, mode: 'livekit', ...details });
  await getDb().call.update({
    where: { id: call.id },
    data: { createdAt: new Date(Date.UTC(2026, 2, 1, 9, minute)) },
  });
  return call.id;
}

/** GET /api/calls (filters, paging, bad parameters, workspace isolation) and production calls in GET /api/calls/:id. */
export function callsListSuite(base: () => string): void {
  describe('the workspace call list', () => {
    let api: Api;
    let stranger: Api;
    let flowId: string;
    let otherFlowId: string;
    const made: Record<string, string> = {};

    beforeAll(async () => {
      const owner = await createAccount();
      const outsider = await createAccount();
      api = client(base);
      stranger = client(base);
      await api.signIn(owner.email, owner.password);
      await stranger.signIn(outsider.email, outsider.password);
      const repos = forWorkspace(owner.workspaceId);
      const sales = await repos.flows.create(flowSpecSchema.parse(twoAgentSpec('Sales line')));
      flowId = sales.id;
      const v1 = await repos.versions.publish(sales.id, 'v1');
      const v2 = await repos.versions.publish(sales.id, 'v2');
      const help = await repos.flows.create(flowSpecSchema.parse(twoAgentSpec('Help line')));
      otherFlowId = help.id;
      const helpV1 = await repos.versions.publish(help.id, 'v1');
      made.test = await seedCall(v1.id, 0, { source: 'test' });
      made.dispatch = await seedCall(v2.id, 1, {
        source: 'dispatch',
        room: 'sales-room-1',
        callerIdentity: 'sip_+15550100',
        variables: { customer: 'Ada' },
      });
      made.api = await seedCall(helpV1.id, 2, { source: 'api' });
      made.sip = await seedCall(v2.id, 3, { source: 'sip' });
      await calls.markActive(made.dispatch);
      await calls.markEnded(made.dispatch);
      await callEvents.append(made.dispatch, [
        { seq: 0, type: 'session_started', t: 0, payload: { agentId: 'reception' } },
        {
          seq: 1,
          type: 'transcript',
          t: 900,
          payload: { role: 'user', text: 'Is my order here?', final: true, source: 'speech' },
        },
      ]);
      // Another workspace's call must never show.
      const theirs = forWorkspace(outsider.workspaceId);
      const foreign = await theirs.flows.create(flowSpecSchema.parse(twoAgentSpec('Foreign')));
      made.foreign = await seedCall((await theirs.versions.publish(foreign.id, 'v1')).id, 4, { source: 'dispatch' });
    });

    const ids = (body: { calls: Listed[] }) => body.calls.map((c) => c.id);

    it('lists every call of the workspace, newest first, with flow name, version, source, caller and room', async () => {
      const reply = await api.get('/api/calls');
      expect(reply.status).toBe(200);
      expect(ids(reply.body)).toEqual([made.sip, made.api, made.dispatch, made.test]);
      expect(reply.body.nextCursor).toBeNull();
      expect(reply.body.calls[2]).toMatchObject({
        flowId,
        flowName: 'Sales line',
        versionNumber: 2,
        status: 'ended',
        source: 'dispatch',
        callerIdentity: 'sip_+15550100',
        room: 'sales-room-1',
        variables: { customer: 'Ada' },
      });
      expect(typeof reply.body.calls[2].durationMs).toBe('number');
      expect(ids((await stranger.get('/api/calls')).body)).toEqual([made.foreign]);
    });

    it('filters by flow, version, status, source and creation time', async () => {
      const list = async (query: string) => {
        const reply = await api.get(`/api/calls?${query}`);
        expect(reply.status, query).toBe(200);
        return ids(reply.body);
      };
      expect(await list(`flowId=${flowId}`)).toEqual([made.sip, made.dispatch, made.test]);
      expect(await list(`flowId=${flowId}&version=2`)).toEqual([made.sip, made.dispatch]);
      expect(await list(`flowId=${otherFlowId}`)).toEqual([made.api]);
      expect(await list('status=ended')).toEqual([made.dispatch]);
      expect(await list('source=dispatch')).toEqual([made.dispatch]);
      expect(await list('source=embed')).toEqual([]);
      expect(await list('from=2026-03-01T09:01:00Z&to=2026-03-01T09:03:00Z')).toEqual([made.api, made.dispatch]);
      expect(await list('from=2026-03-02')).toEqual([]);
      // Blank fields, as a plain form sends them, are no filter.
      expect(await list('source=&status=')).toHaveLength(4);
      // Another workspace's flow names none of this workspace's calls, and shows none of its own.
      const foreignFlow = (await stranger.get('/api/calls')).body.calls[0].flowId;
      expect(await list(`flowId=${foreignFlow}`)).toEqual([]);
    });

    it('pages with nextCursor through every call exactly once', async () => {
      const seen: string[] = [];
      let query = 'limit=3';
      for (let page = 0; page < 3; page += 1) {
        const reply = await api.get(`/api/calls?${query}`);
        expect(reply.status).toBe(200);
        seen.push(...ids(reply.body));
        if (!reply.body.nextCursor) break;
        query = `limit=3&cursor=${encodeURIComponent(reply.body.nextCursor)}`;
      }
      expect(seen).toEqual([made.sip, made.api, made.dispatch, made.test]);
      const first = await api.get('/api/calls?limit=3');
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await api.get(`/api/calls?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect(ids(second.body)).toEqual([made.test]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('answers 400 naming the parameter for a bad value or an unknown parameter', async () => {
      const bad: [string, string][] = [
        ['flowId=not-a-flow', 'flowId'],
        ['version=0', 'version'],
        ['version=two', 'version'],
        ['status=done', 'status'],
        ['source=phone', 'source'],
        ['from=yesterday', 'from'],
        ['to=2026-13-45', 'to'],
        ['cursor=abc', 'cursor'],
        ['limit=0', 'limit'],
        ['limit=201', 'limit'],
        ['sort=asc', 'sort'],
      ];
      for (const [query, parameter] of bad) {
        const reply = await api.get(`/api/calls?${query}`);
        expect(reply.status, query).toBe(400);
        expect(reply.body.error.code, query).toBe('invalid_request');
        expect(reply.body.error.message, query).toContain(parameter);
        expect(
          reply.body.error.issues.map((i: { path: string }) => i.path),
          query,
        ).toContain(parameter);
      }
    });

    it('GET /api/calls/:id serves a production call with its source, caller, variables, room and events', async () => {
      const reply = await api.get(`/api/calls/${made.dispatch}`);
      expect(reply.status).toBe(200);
      expect(reply.body.call).toMatchObject({
        id: made.dispatch,
        source: 'dispatch',
        callerIdentity: 'sip_+15550100',
        variables: { customer: 'Ada' },
        room: 'sales-room-1',
      });
      expect(reply.body.events.map((e: { type: string }) => e.type)).toEqual(['session_started', 'transcript']);
      expect(reply.body.events[1]).toMatchObject({ text: 'Is my order here?', t: 900 });
      expect((await stranger.get(`/api/calls/${made.dispatch}`)).status).toBe(404);
    });
  });
}
