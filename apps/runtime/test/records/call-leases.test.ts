import { calls, type VersionRecord } from '@parley/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallClient } from '../support/call-client';
import { localCall, publishTalker } from '../support/flows';
import { RuntimeProcess } from '../support/runtime-process';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

let talker: VersionRecord;
const processes: RuntimeProcess[] = [];
const clients: CallClient[] = [];
let inProcess: TestRuntime | null = null;

/** A runtime process with its own id, and an active call on it. */
async function callOn(env: Record<string, string>): Promise<{ runtime: RuntimeProcess; callId: string }> {
  const runtime = new RuntimeProcess(env);
  processes.push(runtime);
  const base = await runtime.listening;
  const { call, token } = await localCall(talker);
  const client = new CallClient(`${base.replace('http', 'ws')}/calls/${call.id}/ws?token=${encodeURIComponent(token)}`);
  clients.push(client);
  await client.event('session_started', 120_000);
  await expect.poll(async () => (await calls.get(call.id)).status, { timeout: 30_000 }).toBe('active');
  return { runtime, callId: call.id };
}

async function crash(runtime: RuntimeProcess): Promise<void> {
  runtime.kill();
  await runtime.exited;
}

beforeAll(async () => {
  talker = await publishTalker();
});

afterAll(async () => {
  for (const client of clients) client.close();
  for (const runtime of processes) runtime.kill();
  await inProcess?.drain();
});

describe('calls are never left active by a runtime that is gone', { timeout: 300_000 }, () => {
  it('a runtime restarted after a crash marks the calls it held as failed, with the reason', async () => {
    const { runtime, callId } = await callOn({ RUNTIME_ID: 'lease-test-a', CALL_LEASE_MS: '600000' });
    await crash(runtime);
    expect((await calls.get(callId)).status).toBe('active');

    const restarted = new RuntimeProcess({ RUNTIME_ID: 'lease-test-a', CALL_LEASE_MS: '600000' });
    processes.push(restarted);
    await restarted.listening;
    const record = await calls.get(callId);
    expect(record.status).toBe('failed');
    expect(record.failureReason).toMatch(/restarted before the call ended/);
    expect(record.endedAt).not.toBeNull();
  });

  it("with several runtimes, another's live call is left alone; once its lease runs out, it is failed", async () => {
    const { runtime, callId } = await callOn({ RUNTIME_ID: 'lease-test-c', CALL_LEASE_MS: '3000' });
    // A second runtime on the same database starts and sweeps: the call is renewed, so untouched.
    inProcess = await startTestRuntime({ runtimeId: 'lease-test-b', leaseMs: 3000 });
    expect((await calls.get(callId)).status).toBe('active');

    await crash(runtime);
    await expect.poll(async () => (await calls.get(callId)).status, { timeout: 60_000 }).toBe('failed');
    expect((await calls.get(callId)).failureReason).toMatch(/lease ran out/);
  });
});
