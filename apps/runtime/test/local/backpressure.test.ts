import { CallCloseCode } from '@parley/calls';
import type { VersionRecord } from '@parley/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallClient } from '../support/call-client';
import { localCall, publishReceptionist, publishTalker } from '../support/flows';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

let runtime: TestRuntime;
let receptionist: VersionRecord;
let talker: VersionRecord;
const clients: CallClient[] = [];

async function startCall(version: VersionRecord): Promise<CallClient> {
  const { call, token } = await localCall(version);
  const client = new CallClient(runtime.callUrl(call.id, token));
  clients.push(client);
  await client.event('session_started', 120_000);
  return client;
}

beforeAll(async () => {
  runtime = await startTestRuntime({ spareProcesses: 2 });
  [receptionist, talker] = await Promise.all([publishReceptionist({ typedOnly: true }), publishTalker()]);
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await runtime?.drain();
});

describe('caller audio backpressure', { timeout: 300_000 }, () => {
  it('a call flooding audio faster than real time is closed with audio_too_fast, counted in /metrics; the call beside it keeps talking', async () => {
    const other = await startCall(talker);
    await other.waitFor('agent audio on the other call', () => other.audio.length > 0, 120_000);
    const flooder = await startCall(receptionist);

    const framesAtFlood = other.audio.length;
    // 40 MiB of audio (21 minutes at 16 kHz) sent as fast as the socket takes it.
    const frame = new Int16Array(32 * 1024);
    for (let i = 0; i < 640 && flooder.socket.readyState === flooder.socket.OPEN; i++) {
      await new Promise<void>((resolve) => flooder.socket.send(frame, () => resolve()));
    }
    const closed = await flooder.closed;
    expect(closed.code).toBe(CallCloseCode.policyViolation);
    expect(flooder.messages.at(-1)).toMatchObject({
      type: 'call_error',
      code: 'audio_too_fast',
      fatal: true,
      message: expect.stringMatching(/faster than real time/),
    });
    // The other call's audio flowed while the flood was refused.
    expect(other.audio.length).toBeGreaterThan(framesAtFlood);

    const metrics = await (await fetch(`${runtime.url}/metrics`)).text();
    expect(metrics).toMatch(/^parley_caller_audio_dropped_seconds_total [1-9]/m);
    expect(metrics).toMatch(/^parley_calls_closed_total\{reason="audio_too_fast"\} 1$/m);
  });
});
