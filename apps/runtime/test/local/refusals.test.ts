import { randomUUID } from 'node:crypto';
import { CallCloseCode, MAX_MESSAGE_BYTES, signCallToken } from '@parley/calls';
import { calls, type VersionRecord } from '@parley/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallClient } from '../support/call-client';
import { localCall, publishReceptionist, TEST_SECRET } from '../support/flows';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

let runtime: TestRuntime;
let version: VersionRecord;
/** A call that stays up through every bad input, and must not notice any of them. */
let witness: CallClient;
let witnessId: string;
const clients: CallClient[] = [];

function connect(callId: string, token: string): CallClient {
  const client = new CallClient(runtime.callUrl(callId, token));
  clients.push(client);
  return client;
}

async function refusal(client: CallClient) {
  const closed = await client.closed;
  const error = client.messages.find((m) => m.type === 'call_error');
  return { ...closed, error };
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  version = await publishReceptionist({ typedOnly: true });
  const { call, token } = await localCall(version);
  witnessId = call.id;
  witness = connect(call.id, token);
  await witness.event('session_started');
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await runtime?.drain();
});

describe('local mode refuses bad calls clearly', () => {
  it('an expired token', async () => {
    const { call } = await localCall(version);
    const token = signCallToken(TEST_SECRET, { callId: call.id, flowVersionId: version.id }, { ttlMs: -1000 });
    const { code, reason, error } = await refusal(connect(call.id, token));
    expect(code).toBe(CallCloseCode.unauthorized);
    expect(reason).toMatch(/expired/);
    expect(error).toMatchObject({ code: 'token_expired', fatal: true });
    expect((await calls.get(call.id)).status).toBe('pending');
  });

  it('a token signed with another secret', async () => {
    const { call } = await localCall(version);
    const token = signCallToken('not-the-runtime-secret-at-all', { callId: call.id, flowVersionId: version.id });
    const { code, error } = await refusal(connect(call.id, token));
    expect(code).toBe(CallCloseCode.unauthorized);
    expect(error).toMatchObject({ code: 'token_invalid', message: expect.stringMatching(/signature does not match/) });
  });

  it('no token, or a token for another call', async () => {
    const { call } = await localCall(version);
    const other = await localCall(version);
    expect((await refusal(connect(call.id, ''))).error).toMatchObject({
      message: expect.stringMatching(/no call token/),
    });
    expect((await refusal(connect(call.id, other.token))).error).toMatchObject({
      code: 'token_invalid',
      message: expect.stringMatching(/another call/),
    });
  });

  it('a call that does not exist', async () => {
    const callId = randomUUID();
    const { code, error } = await refusal(
      connect(callId, signCallToken(TEST_SECRET, { callId, flowVersionId: version.id })),
    );
    expect(code).toBe(CallCloseCode.notFound);
    expect(error).toMatchObject({ code: 'unknown_call', message: `call ${callId} does not exist` });
  });

  it('a call for a version that does not exist', async () => {
    const { call } = await localCall(version);
    const flowVersionId = randomUUID();
    const { code, error } = await refusal(
      connect(call.id, signCallToken(TEST_SECRET, { callId: call.id, flowVersionId })),
    );
    expect(code).toBe(CallCloseCode.notFound);
    expect(error).toMatchObject({ code: 'unknown_version', message: expect.stringMatching(/does not exist/) });
  });

  it('garbage frames get an error each and the call goes on', async () => {
    const { call, token } = await localCall(version);
    const client = connect(call.id, token);
    await client.event('session_started');
    client.socket.send('this is not json');
    client.sendJson({ type: 'dance' });
    client.socket.send(new Uint8Array(3));
    await client.waitFor(
      'three call errors',
      () => client.messages.filter((m) => m.type === 'call_error').length === 3,
    );
    expect(client.messages.filter((m) => m.type === 'call_error')).toEqual([
      expect.objectContaining({ code: 'bad_message', fatal: false, message: expect.stringMatching(/not JSON/) }),
      expect.objectContaining({ code: 'bad_message', fatal: false, message: expect.stringMatching(/type dance/) }),
      expect.objectContaining({ code: 'bad_audio', fatal: false, message: expect.stringMatching(/3 bytes/) }),
    ]);
    client.sendJson({ type: 'user_text', text: 'I need support' });
    expect(await client.event('handoff')).toMatchObject({ from: 'reception', to: 'support' });
    client.sendJson({ type: 'end_call' });
    expect((await client.closed).code).toBe(CallCloseCode.ended);
    expect((await calls.get(call.id)).status).toBe('ended');
  });

  it('an oversized message ends that call with 1009 and a reason', async () => {
    const { call, token } = await localCall(version);
    const client = connect(call.id, token);
    await client.event('session_started');
    client.socket.send(new Uint8Array(MAX_MESSAGE_BYTES + 2));
    const { code, reason, error } = await refusal(client);
    expect(code).toBe(CallCloseCode.tooLarge);
    expect(reason).toMatch(/over the 65536-byte limit/);
    expect(error).toMatchObject({ code: 'message_too_large', fatal: true });
    await expect.poll(async () => (await calls.get(call.id)).status).toBe('ended');
  });

  it('a call that already ran cannot be joined again', async () => {
    const { call, token } = await localCall(version);
    const first = connect(call.id, token);
    await first.event('session_started');
    first.sendJson({ type: 'end_call' });
    await first.closed;
    await expect.poll(async () => (await calls.get(call.id)).status).toBe('ended');
    const { code, error } = await refusal(connect(call.id, token));
    expect(code).toBe(CallCloseCode.conflict);
    expect(error).toMatchObject({ code: 'call_not_pending', message: expect.stringMatching(/already ended/) });
  });

  it('left the witness call undisturbed, and every call log line names its call', async () => {
    witness.sendJson({ type: 'user_text', text: 'I have a question about my bill' });
    expect(await witness.event('handoff')).toMatchObject({ from: 'reception', to: 'billing' });
    expect(witness.messages.some((m) => m.type === 'call_error')).toBe(false);
    witness.sendJson({ type: 'end_call' });
    expect((await witness.closed).code).toBe(CallCloseCode.ended);
    const started = runtime.logs.filter((line) => line.message === 'call started');
    expect(started.length).toBeGreaterThanOrEqual(4);
    for (const line of started) expect(line.callId).toEqual(expect.any(String));
    expect(started.map((line) => line.callId)).toContain(witnessId);
    expect(JSON.stringify(runtime.logs)).not.toContain(TEST_SECRET);
  });
});

describe('local mode at its call limit', () => {
  let small: TestRuntime;
  const smallClients: CallClient[] = [];
  afterAll(async () => {
    for (const client of smallClients) client.close();
    await small?.drain();
  });

  it('refuses a call over MAX_CALLS with 1013 and takes calls again once one ends', async () => {
    small = await startTestRuntime({ maxCalls: 1, spareProcesses: 0 });
    const first = await localCall(version);
    const second = await localCall(version);
    const a = new CallClient(small.callUrl(first.call.id, first.token));
    smallClients.push(a);
    await a.event('session_started');
    const b = new CallClient(small.callUrl(second.call.id, second.token));
    const { code, error } = await refusal(b);
    expect(code).toBe(CallCloseCode.tryAgainLater);
    expect(error).toMatchObject({ code: 'runtime_full', message: expect.stringMatching(/limit of 1 concurrent/) });
    const ready = await fetch(`${small.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, reason: expect.stringMatching(/limit of 1/) });
    // A full runtime still gives the final reason for a call that can never run, not "try later".
    const over = await localCall(version);
    await calls.markEnded(over.call.id);
    const late = await refusal(new CallClient(small.callUrl(over.call.id, over.token)));
    expect(late.code).toBe(CallCloseCode.conflict);
    expect(late.error).toMatchObject({ code: 'call_not_pending' });
    a.sendJson({ type: 'end_call' });
    await a.closed;
    await expect.poll(async () => (await fetch(`${small.url}/readyz`)).status, { timeout: 10_000 }).toBe(200);
    const again = new CallClient(small.callUrl(second.call.id, second.token));
    smallClients.push(again);
    expect(await again.event('session_started')).toMatchObject({ agentId: 'reception' });
  });
});
