import { signScenarioRunToken } from '@parley/calls';
import { flows, type VersionRecord, versions, workspaces } from '@parley/db';
import { flowSpecSchema } from '@parley/engine/flow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallClient } from '../support/call-client';
import { localCall, publishTalker, TEST_SECRET } from '../support/flows';
import { RuntimeProcess } from '../support/runtime-process';

let runtime: RuntimeProcess;
let base: string;
let talker: VersionRecord;
let attack: VersionRecord;
const clients: CallClient[] = [];

/**
 * A flow built to freeze whoever runs its scenarios: a catastrophic-backtracking rule (2^30 steps
 * for a backtracking engine), then a dozen scenarios whose agent answers with 20 KiB of text and
 * no punctuation (far more CPU in speech synthesis than a run may use).
 */
async function snapshotAttack(): Promise<VersionRecord> {
  const spec = flowSpecSchema.parse({
    schemaVersion: 1,
    name: 'Attack',
    entryAgentId: 'a',
    agents: [
      {
        id: 'a',
        name: 'A',
        stt: { provider: 'none' },
        script: {
          rules: [
            { when: '^(a+)+$', say: 'matched' },
            { when: 'hello', say: 'blah '.repeat(4096) },
          ],
        },
      },
    ],
    edges: [],
    scenarios: [
      { id: 'backtrack', name: 'Backtrack', turns: [{ user: `${'a'.repeat(30)}!` }] },
      ...Array.from({ length: 12 }, (_, i) => ({ id: `talk-${i}`, name: `Talk ${i}`, turns: [{ user: 'hello' }] })),
    ],
  });
  const flow = await flows.create(spec, (await workspaces.create('Attackers')).id);
  return versions.snapshot(flow.id, 'attack');
}

function runScenarios(version: VersionRecord): Promise<Response> {
  return fetch(`${base}/scenarios/run`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${signScenarioRunToken(TEST_SECRET, version.id)}`,
    },
    body: JSON.stringify({ flowVersionId: version.id }),
  });
}

beforeAll(async () => {
  runtime = new RuntimeProcess({ SCENARIO_CPU_SECONDS: '8', SCENARIO_RUNS_PER_MINUTE: '1', CALL_SPARE_PROCESSES: '1' });
  [talker, attack] = await Promise.all([publishTalker(), snapshotAttack()]);
  base = await runtime.listening;
}, 120_000);

afterAll(() => {
  for (const client of clients) client.close();
  runtime?.kill();
});

describe('scenario runs cannot freeze the runtime', { timeout: 300_000 }, () => {
  it('another call keeps talking and /healthz answers while a hostile scenario run spins; the run is stopped at its CPU limit', async () => {
    const { call, token } = await localCall(talker);
    const other = new CallClient(
      `${base.replace('http', 'ws')}/calls/${call.id}/ws?token=${encodeURIComponent(token)}`,
    );
    clients.push(other);
    await other.waitFor('agent audio on the other call', () => other.audio.length > 0, 120_000);

    let settled = false;
    const run = runScenarios(attack).finally(() => {
      settled = true;
    });
    const health = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(30_000) });
    expect(health.status).toBe(200);
    expect(settled).toBe(false);
    const frames = other.audio.length;
    await other.waitFor('25 more frames (0.5 s) of the other call', () => other.audio.length >= frames + 25);
    expect(settled).toBe(false);

    const response = await run;
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { id: string; status: string; error: string }[] };
    // The regex is linear-time now: that scenario ran; the run was stopped at its CPU limit later on.
    expect(results).toHaveLength(13);
    expect(results[0]).toMatchObject({ id: 'backtrack', status: 'passed' });
    expect(results.at(-1)).toMatchObject({
      id: 'talk-11',
      status: 'error',
      error: expect.stringMatching(/8 s of CPU time/),
    });

    // One run a minute for that workspace: the next is refused with when to retry.
    const again = await runScenarios(attack);
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await again.json()) as { error: string }).error).toMatch(/1 scenario runs a minute/);
  });
});
