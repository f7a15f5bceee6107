import { calls, type VersionRecord } from '@parley/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallClient } from '../support/call-client';
import { localCall, publishReceptionist, publishTalker } from '../support/flows';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

let runtime: TestRuntime;
let receptionist: VersionRecord;
let talker: VersionRecord;
const clients: CallClient[] = [];

async function startCall(version: VersionRecord): Promise<{ callId: string; client: CallClient }> {
  const { call, token } = await localCall(version);
  const client = new CallClient(runtime.callUrl(call.id, token));
  clients.push(client);
  await client.event('session_started', 120_000);
  return { callId: call.id, client };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  runtime = await startTestRuntime({ maxCalls: 2, spareProcesses: 2, endGraceMs: 1000 });
  [receptionist, talker] = await Promise.all([publishReceptionist({ typedOnly: true }), publishTalker()]);
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await runtime?.drain();
});

describe('kill deadline', { timeout: 300_000 }, () => {
  it('a hung-up call whose process is stuck is killed, recorded failed and frees its slot; the call beside it keeps talking', async () => {
    const other = await startCall(talker);
    await other.client.waitFor('agent audio on the other call', () => other.client.audio.length > 0);
    const stuck = await startCall(receptionist);
    await expect.poll(async () => (await calls.get(stuck.callId)).status).toBe('active');
    const pid = runtime.supervisor.get(stuck.callId)?.pid as number;
    expect(pid).toEqual(expect.any(Number));
    // A process that no longer answers anything (as one spinning in a pathological input would).
    process.kill(pid, 'SIGSTOP');
    const framesAtHangup = other.client.audio.length;
    stuck.client.close();

    await expect.poll(async () => (await calls.get(stuck.callId)).status, { timeout: 30_000 }).toBe('failed');
    const record = await calls.get(stuck.callId);
    expect(record.failureReason).toMatch(/did not stop within 1000 ms of the hang-up/);
    expect(alive(pid)).toBe(false);
    // The other call's audio went on while the stuck one was being put down.
    expect(other.client.audio.length).toBeGreaterThan(framesAtHangup);
    // Its slot is free: at MAX_CALLS 2, a new call is admitted beside the talker.
    expect(runtime.supervisor.load).toBe(1);
    const next = await startCall(receptionist);
    next.client.sendJson({ type: 'end_call' });
    await next.client.closed;
  });
});
