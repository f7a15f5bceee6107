import { CallCloseCode } from '@parley/calls';
import { flows, type VersionRecord, versions, workspaces } from '@parley/db';
import { flowSpecSchema } from '@parley/engine/flow';
import { templates } from '@parley/engine/templates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallClient } from '../support/call-client';
import { localCall } from '../support/flows';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

let runtime: TestRuntime;
let version: VersionRecord;

/** The phone-menu template, typed only (no speech-to-text), published as a new flow's live version. */
async function publishPhoneMenu(): Promise<VersionRecord> {
  const template = templates.find((t) => t.id === 'phone-menu');
  if (!template) throw new Error('the phone-menu template is missing from @parley/engine/templates');
  const spec = flowSpecSchema.parse(template.spec);
  for (const agent of spec.agents) agent.stt = { provider: 'none' };
  const flow = await flows.create(spec, (await workspaces.create('Keypad tests')).id);
  return versions.publish(flow.id, 'keypad test');
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  version = await publishPhoneMenu();
}, 60_000);

afterAll(async () => {
  await runtime?.drain();
});

describe('keypad presses in a local call', () => {
  it('reach the session as DTMF and route the phone menu; bad keys are refused by name and the call goes on', async () => {
    const { call, token } = await localCall(version);
    const client = new CallClient(runtime.callUrl(call.id, token));
    await client.waitFor('the menu prompt', () =>
      client.events.some((e) => e.type === 'assistant_message' && e.text.startsWith('Press 1')),
    );
    client.sendJson({ type: 'dtmf', digit: '12' });
    client.sendJson({ type: 'dtmf', digit: 'A' });
    await client.waitFor('two refusals', () => client.messages.filter((m) => m.type === 'call_error').length === 2);
    expect(client.messages.filter((m) => m.type === 'call_error')).toEqual([
      expect.objectContaining({
        code: 'bad_message',
        fatal: false,
        message: expect.stringMatching(/digit: .*0-9, \* or #/),
      }),
      expect.objectContaining({
        code: 'bad_message',
        fatal: false,
        message: expect.stringMatching(/digit: .*0-9, \* or #/),
      }),
    ]);

    client.sendJson({ type: 'dtmf', digit: '2' });
    expect(await client.event('dtmf')).toMatchObject({ digit: '2' });
    await client.waitFor('the handoff to billing', () =>
      client.events.some((e) => e.type === 'handoff' && e.from === 'menu' && e.to === 'billing'),
    );
    expect(
      client.events.filter((e) => e.type === 'handoff').map((e) => e.type === 'handoff' && `${e.from}>${e.to}`),
    ).toEqual(['notice>menu', 'menu>billing']);
    client.sendJson({ type: 'end_call' });
    expect((await client.closed).code).toBe(CallCloseCode.ended);
  });
});
