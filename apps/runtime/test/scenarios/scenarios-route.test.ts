import { signCallToken, signScenarioRunToken } from '@parley/calls';
import { flows, type VersionRecord, versions, workspaces } from '@parley/db';
import { flowSpecSchema } from '@parley/engine/flow';
import { templates } from '@parley/engine/templates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../support/flows';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime';

let runtime: TestRuntime;
let receptionist: VersionRecord;
let broken: VersionRecord;

/** The receptionist template, optionally changed, snapshotted as a version. */
async function snapshot(change: (spec: ReturnType<typeof flowSpecSchema.parse>) => void = () => {}) {
  const template = templates.find((t) => t.id === 'receptionist');
  if (!template) throw new Error('the receptionist template is missing');
  const spec = flowSpecSchema.parse(template.spec);
  change(spec);
  const flow = await flows.create(spec, (await workspaces.create('Runtime tests')).id);
  return versions.snapshot(flow.id, 'scenario test');
}

function run(body: unknown, token?: string) {
  return fetch(`${runtime.url}/scenarios/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  receptionist = await snapshot();
  // Broken on purpose: billing's rule for a bill question now transfers to support.
  broken = await snapshot((spec) => {
    const rule = spec.agents.find((a) => a.id === 'reception')?.script?.rules[0];
    if (rule?.call) rule.call.tool = 'transfer_to_support';
  });
}, 60_000);

afterAll(async () => {
  await runtime?.drain();
});

// Each run boots a process of its own (engine, TTS): slow on a busy machine.
describe('POST /scenarios/run', { timeout: 180_000 }, () => {
  it("runs a version's scenarios through the engine and answers with the results", async () => {
    const response = await run({ flowVersionId: receptionist.id }, signScenarioRunToken(TEST_SECRET, receptionist.id));
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { id: string; status: string }[] };
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['billing-question', 'passed'],
      ['support-problem', 'passed'],
      ['unclear-request', 'passed'],
      ['voice-billing', 'passed'],
      ['voice-barge-in', 'passed'],
      ['voice-noisy-line', 'passed'],
    ]);
  });

  it('streams one NDJSON line per test as it ends, then the whole run, when asked to', async () => {
    const response = await fetch(`${runtime.url}/scenarios/run`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/x-ndjson',
        authorization: `Bearer ${signScenarioRunToken(TEST_SECRET, receptionist.id)}`,
      },
      body: JSON.stringify({
        flowVersionId: receptionist.id,
        scenarioIds: ['billing-question', 'voice-billing'],
        simulationIds: ['billing-caller'],
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; result?: { id: string }; results?: { id: string }[] });
    expect(lines.map((l) => [l.type, l.result?.id])).toEqual([
      ['result', 'billing-question'],
      ['result', 'voice-billing'],
      ['simulation', 'billing-caller'],
      ['done', undefined],
    ]);
    expect(lines[3]?.results?.map((r) => r.id)).toEqual(['billing-question', 'voice-billing']);
  });

  it('fails the scenario of a broken flow with a readable reason', async () => {
    const response = await run(
      { flowVersionId: broken.id, scenarioIds: ['billing-question'] },
      signScenarioRunToken(TEST_SECRET, broken.id),
    );
    const { results } = (await response.json()) as {
      results: { status: string; steps: { expectations: { status: string; reason: string }[] }[] }[];
    };
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe('failed');
    const failed = results[0]?.steps[0]?.expectations.filter((e) => e.status === 'failed').map((e) => e.reason);
    expect(failed).toEqual([
      'expected a call to transfer_to_billing, but it called transfer_to_support',
      'expected a handoff to billing, but it went to support',
    ]);
  });

  it("runs a version's simulations in the same process when asked, with the scripted caller offline", async () => {
    const response = await run(
      { flowVersionId: receptionist.id, scenarioIds: [], simulationIds: ['billing-caller'] },
      signScenarioRunToken(TEST_SECRET, receptionist.id),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      results: unknown[];
      simulations: { id: string; caller: string; k: number; passRate: number; runs: { checks: unknown[] }[] }[];
    };
    expect(body.results).toEqual([]);
    expect(body.simulations.map((s) => [s.id, s.caller, s.k, s.passRate])).toEqual([
      ['billing-caller', 'scripted', 3, 1],
    ]);
    expect(body.simulations[0]?.runs[0]?.checks).toHaveLength(3);
  });

  it('refuses a missing, forged or misused token, and says which version is missing', async () => {
    expect((await run({ flowVersionId: receptionist.id })).status).toBe(401);
    const forged = signScenarioRunToken('another-secret-0123456789abcdef', receptionist.id);
    expect((await run({ flowVersionId: receptionist.id }, forged)).status).toBe(401);
    const otherVersion = signScenarioRunToken(TEST_SECRET, broken.id);
    expect((await run({ flowVersionId: receptionist.id }, otherVersion)).status).toBe(401);
    const callToken = signCallToken(TEST_SECRET, { callId: 'some-call', flowVersionId: receptionist.id });
    const misused = await run({ flowVersionId: receptionist.id }, callToken);
    expect(misused.status).toBe(401);
    expect(((await misused.json()) as { error: string }).error).toMatch(/does not allow running the scenarios/);
    const missing = '00000000-0000-4000-8000-000000000000';
    const notFound = await run({ flowVersionId: missing }, signScenarioRunToken(TEST_SECRET, missing));
    expect(notFound.status).toBe(404);
    expect((await run({ flowVersion: 'x' }, callToken)).status).toBe(400);
  });
});
