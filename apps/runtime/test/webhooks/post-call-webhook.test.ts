import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callEndedPayloadSchema, verifyWebhookSignature } from '@parley/calls';
import {
  allowlist,
  calls,
  closeDb,
  type DeliveryRecord,
  flowWebhooks,
  forWorkspace,
  type VersionRecord,
  webhookDeliveries,
  workspaces,
} from '@parley/db';
import { flowSpecSchema } from '@parley/engine/flow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallClient } from '../support/call-client';
import { localCall } from '../support/flows';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

/** One POST a receiver got: headers and the raw body. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on loopback answering each request with the next status of `statuses` (then the last). */
interface Receiver {
  url: string;
  requests: Received[];
  /** Resolves once `count` requests arrived. */
  received(count: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** `statuses`: what each request is answered with, in order (the last repeats); 0 never answers. */
async function startReceiver(statuses: number[]): Promise<Receiver> {
  const requests: Received[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = statuses[Math.min(requests.length, statuses.length) - 1] ?? 200;
      for (const wake of waiters.splice(0)) wake();
      if (status === 0) return;
      res.statusCode = status;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/parley`,
    requests,
    received: async (count) => {
      while (requests.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return requests.slice(0, count);
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let runtime: TestRuntime;
const receivers: Receiver[] = [];

beforeAll(async () => {
  runtime = await startTestRuntime({
    webhooks: { retryBaseMs: 50, maxAttempts: 3, timeoutMs: 2000, pollMs: 25, batch: 10 },
  });
}, 60_000);

afterAll(async () => {
  await runtime?.drain();
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await closeDb();
});

/** A typed-only flow of a new workspace whose agent looks up an invoice (mocked tool) and sets a variable. */
async function publishInvoiceFlow(): Promise<{ workspaceId: string; version: VersionRecord }> {
  const workspace = await workspaces.create('Webhook tests');
  const repos = forWorkspace(workspace.id);
  const spec = flowSpecSchema.parse({
    schemaVersion: 1,
    name: 'Invoices',
    entryAgentId: 'desk',
    variables: [{ name: 'topic' }],
    agents: [
      {
        id: 'desk',
        name: 'Desk',
        greeting: 'Hello, invoices desk.',
        stt: { provider: 'none' },
        tools: [
          { type: 'webhook', name: 'lookup_invoice', url: 'https://example.com/x', mockResponse: { paid: true } },
        ],
        script: {
          rules: [
            { when: 'invoice', say: 'Let me look.', call: { tool: 'lookup_invoice', args: { id: '7' } } },
            { when: 'topic', call: { tool: 'set_variable', args: { name: 'topic', value: 'billing' } } },
          ],
        },
      },
    ],
  });
  const flow = await repos.flows.create(spec);
  return { workspaceId: workspace.id, version: await repos.versions.publish(flow.id, 'webhook test') };
}

/** One thing the caller types, and the event that says the agent acted on it. */
type Line = [text: string, until: 'tool_result' | 'variable_set'];

/** Makes a call on `version`, hears the greeting, types `lines` (each awaited), hangs up; returns the call id. */
async function talk(version: VersionRecord, lines: Line[]): Promise<string> {
  const { call, token } = await localCall(version);
  const client = new CallClient(runtime.callUrl(call.id, token));
  await client.event('assistant_message');
  for (const [text, until] of lines) {
    client.sendJson({ type: 'user_text', text });
    await client.event(until);
  }
  client.sendJson({ type: 'end_call' });
  await client.closed;
  return call.id;
}

/** Waits until the call's only delivery is no longer pending (the runtime's delivery loop moves it on). */
async function settled(workspaceId: string, callId: string): Promise<DeliveryRecord> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [delivery] = await webhookDeliveries.listForCall(workspaceId, callId);
    if (delivery && delivery.status !== 'pending') return delivery;
    if (Date.now() > deadline) throw new Error(`delivery still ${delivery?.status ?? 'missing'} after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('post-call webhooks', () => {
  it('POSTs a signed call.ended body, matching the schema, to an allow-listed receiver when the call ends', async () => {
    const receiver = await startReceiver([200]);
    receivers.push(receiver);
    const { workspaceId, version } = await publishInvoiceFlow();
    await allowlist.add(workspaceId, '127.0.0.1');
    await flowWebhooks.set(workspaceId, version.flowId, receiver.url);
    const secret = await flowWebhooks.reveal(workspaceId, version.flowId);

    const callId = await talk(version, [
      ['Where is my invoice?', 'tool_result'],
      ['The topic please', 'variable_set'],
    ]);
    const [request] = await receiver.received(1);
    if (!request) throw new Error('no request');

    const header = request.headers['parley-signature'] as string;
    expect(verifyWebhookSignature(request.body, header, secret)).toEqual({ ok: true });
    const payload = callEndedPayloadSchema.parse(JSON.parse(request.body));
    expect(request.headers['parley-delivery']).toBe(payload.id);
    expect(request.headers['content-type']).toBe('application/json');
    expect(payload.call).toMatchObject({
      id: callId,
      flowId: version.flowId,
      flowVersionId: version.id,
      versionNumber: version.number,
      source: 'test',
      status: 'ended',
      failureReason: null,
      variables: { topic: 'billing' },
    });
    expect(payload.call.durationMs).toBeGreaterThan(0);
    expect(payload.transcript).toContainEqual(expect.objectContaining({ role: 'user', text: 'Where is my invoice?' }));
    expect(payload.transcript).toContainEqual(
      expect.objectContaining({ role: 'agent', agentId: 'desk', text: 'Hello, invoices desk.' }),
    );
    expect(payload.toolCalls).toContainEqual(
      expect.objectContaining({ name: 'lookup_invoice', arguments: { id: '7' }, result: '{"paid":true}' }),
    );

    const delivery = await settled(workspaceId, callId);
    expect(delivery).toMatchObject({
      id: payload.id,
      status: 'delivered',
      attempts: 1,
      responseStatus: 200,
      url: receiver.url,
    });
    expect(delivery.log).toEqual([expect.objectContaining({ responseStatus: 200 })]);

    // A captured request replayed more than 5 minutes later, or with another body, does not verify.
    const later = Number(/t=(\d+)/.exec(header)?.[1]) * 1000 + 6 * 60_000;
    expect(verifyWebhookSignature(request.body, header, secret, later)).toEqual({ ok: false, problem: 'stale' });
    expect(verifyWebhookSignature(request.body.replace('ended', 'failed'), header, secret)).toEqual({
      ok: false,
      problem: 'mismatch',
    });
    expect(JSON.stringify(runtime.logs)).not.toContain(secret);
  });

  it('retries a receiver that answers 500 and records every attempt until it answers 200', async () => {
    const receiver = await startReceiver([500, 200]);
    receivers.push(receiver);
    const { workspaceId, version } = await publishInvoiceFlow();
    await allowlist.add(workspaceId, '127.0.0.1');
    await flowWebhooks.set(workspaceId, version.flowId, receiver.url);

    const callId = await talk(version, [['Where is my invoice?', 'tool_result']]);
    const [first, second] = await receiver.received(2);
    // The same delivery, the same body, each time signed afresh.
    expect(second?.body).toBe(first?.body);
    expect(second?.headers['parley-delivery']).toBe(first?.headers['parley-delivery']);

    const delivery = await settled(workspaceId, callId);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, responseStatus: 200, lastError: null });
    expect(delivery.log).toEqual([
      expect.objectContaining({ responseStatus: 500, error: 'the receiver answered HTTP 500' }),
      expect.objectContaining({ responseStatus: 200 }),
    ]);
  });

  it('refuses a loopback receiver the workspace did not allow-list: no request is made and the delivery fails', async () => {
    const receiver = await startReceiver([200]);
    receivers.push(receiver);
    const { workspaceId, version } = await publishInvoiceFlow();
    await flowWebhooks.set(workspaceId, version.flowId, receiver.url);

    const callId = await talk(version, [['Where is my invoice?', 'tool_result']]);
    const delivery = await settled(workspaceId, callId);
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts).toBe(3);
    expect(delivery.responseStatus).toBeNull();
    expect(delivery.lastError).toMatch(
      /post-call webhook resolves to 127\.0\.0\.1, a loopback address; add it to the workspace allow-list/,
    );
    expect(delivery.log).toHaveLength(3);
    expect(receiver.requests).toEqual([]);
  });

  it('a receiver that never answers times out each attempt and fails, while calls go on unaffected', async () => {
    const receiver = await startReceiver([0]);
    receivers.push(receiver);
    const { workspaceId, version } = await publishInvoiceFlow();
    await allowlist.add(workspaceId, '127.0.0.1');
    await flowWebhooks.set(workspaceId, version.flowId, receiver.url);

    const callId = await talk(version, [['Where is my invoice?', 'tool_result']]);
    await receiver.received(1);
    // While the first delivery hangs, another call runs and ends normally.
    const next = await talk(version, [['Where is my invoice?', 'tool_result']]);
    expect((await calls.get(next)).status).toBe('ended');

    const delivery = await settled(workspaceId, callId);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 3, responseStatus: null });
    expect(delivery.lastError).toBe('timed out after 2000 ms');
    expect(delivery.log.map((attempt) => attempt.error)).toEqual(Array(3).fill('timed out after 2000 ms'));
  });
});
