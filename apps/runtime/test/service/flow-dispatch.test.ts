import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { CreateSIPDispatchRuleRequest, JobStatus, ParticipantInfo_Kind } from '@livekit/protocol';
import { signCallToken } from '@parley/calls';
import { type CallRecord, calls, flows, getDb, slugs, versions, workspaces } from '@parley/db';
import { type FlowSpec, flowSpecSchema } from '@parley/engine/flow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveKitAgentServer } from '../doubles/livekit-agent-server';
import { CallClient } from '../support/call-client';
import { TEST_SECRET } from '../support/flows';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

const apiKey = 'devkey';
const apiSecret = 'a-dev-secret-of-at-least-32-characters';

/** A one-agent typed-only flow whose greeting uses its variables. */
function greeterSpec(greeting: string): FlowSpec {
  return flowSpecSchema.parse({
    schemaVersion: 1,
    name: 'Front desk',
    entryAgentId: 'desk',
    variables: [
      { name: 'customer_name', type: 'string' },
      { name: 'line', type: 'string' },
      { name: 'sip_phoneNumber', type: 'string' },
      { name: 'sip_trunkPhoneNumber', type: 'string' },
    ],
    agents: [{ id: 'desk', name: 'Desk', greeting, stt: { provider: 'none' } }],
    edges: [],
  });
}

/**
 * A LiveKit URL that accepts connections and never answers: a call joining it stays connecting
 * (running, as far as LiveKit's job goes) until cut() drops the connections.
 */
class SilentRoomServer {
  private constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>,
    readonly url: string,
  ) {}

  static async start(): Promise<SilentRoomServer> {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('no port');
    return new SilentRoomServer(server, sockets, `ws://127.0.0.1:${address.port}`);
  }

  /** Whether a call is connected (and waiting). */
  get connected(): number {
    return this.sockets.size;
  }

  /** Drops every connection: joining the room fails. */
  cut(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const FIRST_GREETING = 'Hello {{customer_name}}, you called {{sip_trunkPhoneNumber}}.';

let server: LiveKitAgentServer;
let runtime: TestRuntime;
let workspaceId: string;
/** The flow `acme/front-desk`, published once. */
let flowId: string;
let liveVersionId: string;

/** A new flow of the test workspace greeting with `greeting`, published once. */
async function publishGreeter(greeting: string, slug?: string): Promise<{ flowId: string; versionId: string }> {
  const flow = await flows.create(greeterSpec(greeting), workspaceId);
  if (slug) await slugs.setFlowSlug(flow.id, slug);
  return { flowId: flow.id, versionId: (await versions.publish(flow.id, 'first')).id };
}

beforeAll(async () => {
  server = await LiveKitAgentServer.start(apiKey, apiSecret);
  runtime = await startTestRuntime({
    spareProcesses: 0,
    // Above 1: a busy shared test machine never makes this worker report itself full.
    livekit: { url: server.url, apiKey, apiSecret, agentName: 'parley', loadThreshold: 1.01, loadMargin: 0.1 },
  });
  const workspace = await workspaces.create('Dispatch tests');
  await slugs.setWorkspaceSlug(workspace.id, 'acme');
  workspaceId = workspace.id;
  ({ flowId, versionId: liveVersionId } = await publishGreeter(FIRST_GREETING, 'front-desk'));
  await server.next('register', 0);
}, 60_000);

afterAll(async () => {
  await runtime?.drain();
  await server?.close();
});

type Participant = { identity: string; kind: ParticipantInfo_Kind; attributes: Record<string, string> };

/** Offers job `id` with `metadata` (in `room`, for `participant`) and returns the worker's answer. */
async function offer(id: string, metadata: unknown, room = 'room', participant?: Participant) {
  const mark = server.received.length;
  const raw = typeof metadata === 'string' ? metadata : JSON.stringify(metadata);
  const job = { id, metadata: raw, agentName: 'parley', room: { name: room }, participant };
  server.send({ case: 'availability', value: { job, resuming: false } });
  const answer = await server.next('availability', mark);
  if (answer.message.case !== 'availability') throw new Error('expected availability');
  return answer.message.value;
}

/** The reason the runtime logged for declining job `id`. */
function declineReason(id: string): unknown {
  return runtime.logs.find((l) => l.message === 'declined a job' && l.jobId === id)?.reason;
}

/** Offers then assigns job `id`, in room `room`, for `participant` if given; joining goes to `url`. */
async function dispatch(id: string, metadata: unknown, room: string, url: string, participant?: Participant) {
  const answer = await offer(id, metadata, room, participant);
  expect(answer).toMatchObject({ jobId: id, available: true });
  const job = { id, metadata: JSON.stringify(metadata), agentName: 'parley', room: { name: room }, participant };
  server.send({ case: 'assignment', value: { job, token: `room-token-${id}`, url } });
}

async function jobUpdate(jobId: string, status: JobStatus) {
  for (let after = 0; ; ) {
    const message = await server.next('updateJob', after);
    after = server.received.indexOf(message) + 1;
    const { message: body } = message;
    if (body.case === 'updateJob' && body.value.jobId === jobId && body.value.status === status) return body.value;
  }
}

/** The call recorded for room `room` (on flow `flow`, else the front desk). */
async function callInRoom(room: string, flow = flowId): Promise<CallRecord> {
  const found = (await calls.listByFlow(flow)).find((c) => c.room === room);
  if (!found) throw new Error(`no call in room ${room}`);
  return found;
}

describe('a job naming a flow', () => {
  it('runs the live version and records the call: source, room, caller identity and variables', async () => {
    const caller = { identity: 'web-caller-7', kind: ParticipantInfo_Kind.STANDARD, attributes: {} };
    const metadata = { flowId, variables: { customer_name: 'Ada' } };
    await dispatch('AJ_flow', metadata, 'room-flow', 'ws://127.0.0.1:1', caller);
    // No LiveKit server to join here: the call is created, then fails to join, with the reason.
    const failed = await jobUpdate('AJ_flow', JobStatus.JS_FAILED);
    expect(failed.error).toMatch(/the session could not start/);
    expect(await callInRoom('room-flow')).toMatchObject({
      flowVersionId: liveVersionId,
      mode: 'livekit',
      source: 'dispatch',
      callerIdentity: 'web-caller-7',
      variables: { customer_name: 'Ada' },
      status: 'failed',
      failureReason: failed.error,
    });
  }, 60_000);

  it('works with workspace and flow slugs, and records the source Parley set', async () => {
    const metadata = { workspace: 'acme', flow: 'front-desk', source: 'api' };
    await dispatch('AJ_slug', metadata, 'room-slug', 'ws://127.0.0.1:1');
    await jobUpdate('AJ_slug', JobStatus.JS_FAILED);
    expect(await callInRoom('room-slug')).toMatchObject({
      flowVersionId: liveVersionId,
      source: 'api',
      callerIdentity: null,
      variables: {},
    });
  }, 60_000);

  it('a phone caller through SIP: source sip, and their sip.* attributes fill the declared sip_* variables', async () => {
    const phone = {
      identity: 'sip_+15550100',
      kind: ParticipantInfo_Kind.SIP,
      attributes: {
        'sip.phoneNumber': '+15550100',
        'sip.trunkPhoneNumber': '+15550199',
        'sip.callID': 'SCL_abc',
        'lk.custom': 'ignored',
      },
    };
    // The metadata of the SIP dispatch rule docs/livekit.md shows.
    const rule = CreateSIPDispatchRuleRequest.fromJsonString(
      readFileSync(new URL('../../../../docs/examples/sip-dispatch-rule.json', import.meta.url), 'utf8'),
    );
    const metadata = JSON.parse(rule.dispatchRule?.roomConfig?.agents[0]?.metadata ?? '');
    await dispatch('AJ_sip', metadata, 'call-_+15550100_x1', 'ws://127.0.0.1:1', phone);
    await jobUpdate('AJ_sip', JobStatus.JS_FAILED);
    expect(await callInRoom('call-_+15550100_x1')).toMatchObject({
      source: 'sip',
      callerIdentity: 'sip_+15550100',
      // sip.callID has no declared variable (sip_callID), so it is not kept.
      variables: { line: 'sales', sip_phoneNumber: '+15550100', sip_trunkPhoneNumber: '+15550199' },
    });
  }, 60_000);

  it('a republish while the call runs does not change it; the next call gets the new live version', async () => {
    const flow = await publishGreeter('Hello {{customer_name}}.');
    const room = await SilentRoomServer.start();
    try {
      await dispatch('AJ_long', { flowId: flow.flowId }, 'room-long', room.url);
      await jobUpdate('AJ_long', JobStatus.JS_RUNNING);
      await expect.poll(() => room.connected, { timeout: 30_000 }).toBeGreaterThan(0);
      const running = await callInRoom('room-long', flow.flowId);
      expect(running).toMatchObject({ flowVersionId: flow.versionId, status: 'pending' });

      const { revision } = await flows.get(flow.flowId);
      await flows.updateDraft(flow.flowId, greeterSpec('Welcome back {{customer_name}}.'), revision);
      const second = await versions.publish(flow.flowId, 'second');

      // The running call keeps the version it started on, and is still joining its room.
      expect(await calls.get(running.id)).toMatchObject({ flowVersionId: flow.versionId, status: 'pending' });
      expect(room.connected).toBeGreaterThan(0);
      await dispatch('AJ_next', { flowId: flow.flowId }, 'room-next', 'ws://127.0.0.1:1');
      await jobUpdate('AJ_next', JobStatus.JS_FAILED);
      expect((await callInRoom('room-next', flow.flowId)).flowVersionId).toBe(second.id);

      room.cut();
      await jobUpdate('AJ_long', JobStatus.JS_FAILED);
      expect(await calls.get(running.id)).toMatchObject({ flowVersionId: flow.versionId, status: 'failed' });
    } finally {
      await room.close();
    }
  }, 90_000);

  it("fails, recording no call, when the flow's workspace has its maximum of calls going", async () => {
    const full = await workspaces.create('Full workspace');
    await getDb().workspace.update({ where: { id: full.id }, data: { maxConcurrentCalls: 0 } });
    const flow = await flows.create(greeterSpec('Hi.'), full.id);
    await versions.publish(flow.id, 'v1');
    await dispatch('AJ_full', { flowId: flow.id }, 'room-full', 'ws://127.0.0.1:1');
    const failed = await jobUpdate('AJ_full', JobStatus.JS_FAILED);
    expect(failed.error).toMatch(/already has 0 calls going, its maximum of concurrent calls/);
    expect(await calls.listByFlow(flow.id)).toEqual([]);
  }, 60_000);

  it('is declined, with the reason logged, when malformed, unknown, unpublished or with wrong variables', async () => {
    const before = (await calls.listByFlow(flowId)).length;
    const unpublished = await flows.create(greeterSpec('Hi.'), workspaceId);
    const cases: [string, unknown, string][] = [
      ['AJ_json', '{flowId:', 'job metadata is not JSON'],
      ['AJ_fields', { flowId: 'front-desk' }, 'job metadata has bad fields: flowId is not a flow id (a UUID)'],
      [
        'AJ_unknown',
        { flowId: '00000000-0000-4000-8000-00000000abcd' },
        'flow 00000000-0000-4000-8000-00000000abcd does not exist',
      ],
      ['AJ_slugs', { workspace: 'acme', flow: 'back-desk' }, 'no flow "back-desk" in a workspace "acme"'],
      ['AJ_draft', { flowId: unpublished.id }, `flow ${unpublished.id} has no live version; publish it first`],
      [
        'AJ_undeclared',
        { flowId, variables: { customer_name: 'Ada', plan: 'gold', tier: '1' } },
        `variables not declared by flow ${flowId}: plan, tier (it declares: customer_name, line, sip_phoneNumber, sip_trunkPhoneNumber)`,
      ],
      ['AJ_number', { flowId, variables: { customer_name: 7 } }, 'variables.customer_name must be a string'],
    ];
    for (const [id, metadata, reason] of cases) {
      expect(await offer(id, metadata), id).toMatchObject({ jobId: id, available: false });
      expect(declineReason(id), id).toEqual(expect.stringContaining(reason));
    }
    expect((await calls.listByFlow(flowId)).length).toBe(before);
  });
});

describe("a call's variables", () => {
  it("fill the flow's {{placeholders}} in what the agent says", async () => {
    const call = await calls.create({
      flowVersionId: liveVersionId,
      mode: 'local',
      source: 'sip',
      variables: { customer_name: 'Grace', sip_trunkPhoneNumber: '+15550199' },
    });
    const client = new CallClient(
      runtime.callUrl(call.id, signCallToken(TEST_SECRET, { callId: call.id, flowVersionId: liveVersionId })),
    );
    try {
      const greeting = await client.event('assistant_message');
      expect(greeting.text).toBe('Hello Grace, you called +15550199.');
    } finally {
      client.close();
    }
  }, 60_000);
});
