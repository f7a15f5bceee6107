import { basename, dirname } from 'node:path';
import { flows, type VersionRecord, versions, workspaces } from '@parley/db';
import { flowSpecSchema } from '@parley/engine/flow';
import { templates } from '@parley/engine/templates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speechWav } from '../../../../packages/engine/test/support';
import { useModelFolders } from '../../../../packages/engine/test/turn/model-folder';
import {
  bigramEndProbability,
  lastTokenLogitsModel,
  tokenizerJson,
} from '../../../../packages/engine/test/turn/text-fixtures';
import { CallClient } from '../support/call-client';
import { localCall } from '../support/flows';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

const folder = useModelFolders();
let runtime: TestRuntime;
let version: VersionRecord;
const clients: CallClient[] = [];

/** The receptionist, every agent ending turns by a text model from the runtime's models folder. */
async function publishWithTurnModel(model: string): Promise<VersionRecord> {
  const template = templates.find((t) => t.id === 'receptionist');
  if (!template) throw new Error('the receptionist template is missing');
  const spec = flowSpecSchema.parse(template.spec);
  spec.settings.turnHandling.turnDetection = 'model';
  spec.settings.turnHandling.turnModel = { ...spec.settings.turnHandling.turnModel, kind: 'text', model };
  const flow = await flows.create(spec, (await workspaces.create('Shared turn model')).id);
  return versions.publish(flow.id, 'shared turn model test');
}

async function call(): Promise<{ callId: string; client: CallClient }> {
  const { call: record, token } = await localCall(version);
  const client = new CallClient(runtime.callUrl(record.id, token));
  clients.push(client);
  await client.event('session_started');
  return { callId: record.id, client };
}

/** Speaks `text` into the call and waits for the model's answer on that turn. */
async function speakAndScore(client: CallClient, text: string): Promise<number> {
  const before = client.events.filter((e) => e.type === 'turn_probability').length;
  await client.stream((await speechWav(text)).samples);
  await client.waitFor(
    'the turn model to score the turn',
    () => client.events.filter((e) => e.type === 'turn_probability').length > before,
  );
  const scored = client.events.filter((e) => e.type === 'turn_probability').at(-1);
  return scored?.type === 'turn_probability' ? scored.probability : Number.NaN;
}

beforeAll(async () => {
  // Every word of the callers' lines is unknown to the tiny model's vocabulary: [UNK] ends a turn.
  const path = folder({ 'tokenizer.json': tokenizerJson(), 'model.onnx': lastTokenLogitsModel(['[UNK]']) });
  runtime = await startTestRuntime({ turnModelsDir: dirname(path), spareProcesses: 2 });
  version = await publishWithTurnModel(basename(path));
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await runtime?.drain();
});

describe('an end-of-turn model shared by the calls of a runtime', () => {
  it('is loaded once for two calls, outside their processes, and keeps serving when one call process is killed', async () => {
    const doomed = await call();
    const survivor = await call();
    const doomedPid = runtime.supervisor.get(doomed.callId)?.pid as number;

    expect(await speakAndScore(doomed.client, 'I have a question about my bill')).toBeCloseTo(
      bigramEndProbability(),
      5,
    );
    expect(await speakAndScore(survivor.client, 'I have a question about my bill')).toBeCloseTo(
      bigramEndProbability(),
      5,
    );
    // One copy, in the runtime: a call process loading its own would leave this at 0.
    expect(runtime.services.turnModelsLoaded).toBe(1);

    process.kill(doomedPid, 'SIGKILL');
    await doomed.client.closed;
    expect(await speakAndScore(survivor.client, 'Something is broken')).toBeCloseTo(bigramEndProbability(), 5);
    expect(runtime.services.turnModelsLoaded).toBe(1);
  });

  it('loads only models installed in the runtime’s models folder, whatever path a call process names', async () => {
    const reply = await runtime.services.handle({ kind: 'turn_open', spec: { kind: 'text', path: '/etc' } });
    expect(reply).toEqual({
      ok: false,
      error: { name: 'TurnModelSetupError', message: expect.stringMatching(/"etc" is not installed on this runtime/) },
    });
    expect(runtime.services.turnModelsLoaded).toBe(1);
  });
});
