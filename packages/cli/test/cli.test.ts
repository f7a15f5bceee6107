import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDb, flows, workspaces } from '@parley/db';
import { type FlowSpec, flowSpecSchema } from '@parley/engine/flow';
import { templates } from '@parley/engine/templates';
import { repoRoot } from '@parley/test-support/repo-paths';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The command as `npm install` linked it: node_modules/.bin/parley. */
const parley = join(repoRoot, 'node_modules', '.bin', 'parley');

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `parley ...args` in a fresh process and waits for it to exit. */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    // No OpenAI key from the developer's shell: these runs are offline.
    const child = spawn(parley, args, { cwd: dir, env: { ...process.env, OPENAI_API_KEY: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const receptionistSpec = templates.find((t) => t.id === 'receptionist')?.spec;
const receptionist = (): FlowSpec => flowSpecSchema.parse(receptionistSpec);

function parseJunit(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  }).parse(xml) as {
    testsuites: {
      tests: string;
      failures: string;
      errors: string;
      testsuite: {
        name: string;
        tests: string;
        failures: string;
        testcase: { name: string; failure?: { message: string; '#text': string } }[];
      }[];
    };
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await closeDb();
});

describe('npx parley test', () => {
  it('passes a flow whose scenarios and simulations pass: exit 0, JUnit XML with every case', async () => {
    const flow = join(dir, 'receptionist.json');
    await writeFile(flow, JSON.stringify(receptionistSpec));
    const result = await run([
      'test',
      flow,
      '--junit',
      'report.xml',
      '--only',
      'billing-question,voice-barge-in,billing-caller',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'PASS  scenario   Spoken: a caller who talks over the greeting is heard and routed [voice-barge-in]',
    );
    expect(result.stdout).toContain('3/3 runs passed (100%), scripted caller');
    expect(result.stdout).toContain('3 passed, 0 failed, of 3');
    const report = parseJunit(await readFile(join(dir, 'report.xml'), 'utf8'));
    expect(report.testsuites).toMatchObject({ tests: '3', failures: '0', errors: '0' });
    expect(report.testsuites.testsuite.map((s) => [s.name, s.tests])).toEqual([
      ['scenarios', '2'],
      ['simulations', '1'],
    ]);
    expect(report.testsuites.testsuite[1]?.testcase[0]?.name).toBe(
      'A caller with an invoice question gets it looked up [billing-caller]',
    );
  });

  it('fails a broken flow: exit 1, each failure in the XML with its reason and transcript', async () => {
    const spec = receptionist();
    const rule = spec.agents[0]?.script?.rules[0];
    if (rule?.call) rule.call.tool = 'transfer_to_support';
    // A fixed 500 ms delay cuts a 900 ms thinking pause short.
    spec.scenarios.push({
      id: 'thinking-pause',
      name: 'Spoken: a long thinking pause <is> waited out',
      mode: 'voice',
      turns: [{ user: 'I have a question [pause 900ms] about my bill', expect: [] }],
    });
    const flow = join(dir, 'broken.json');
    await writeFile(flow, JSON.stringify(spec));
    const result = await run([
      'test',
      flow,
      '--junit',
      'broken.xml',
      '--only',
      'billing-question,thinking-pause,billing-caller',
      '--k',
      '1',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'FAIL  scenario   A bill question reaches billing, and goodbye ends the call [billing-question]: turn 1 (I have a question about my bill): tool_call: expected a call to transfer_to_billing, but it called transfer_to_support',
    );
    expect(result.stdout).toContain('0 passed, 3 failed, of 3');
    const report = parseJunit(await readFile(join(dir, 'broken.xml'), 'utf8'));
    expect(report.testsuites).toMatchObject({ tests: '3', failures: '3' });
    const [scenarios, simulations] = report.testsuites.testsuite;
    const pause = scenarios?.testcase[1];
    expect(pause?.name).toBe('Spoken: a long thinking pause <is> waited out [thinking-pause]');
    expect(pause?.failure?.message).toMatch(
      /^turn 1 \(I have a question \[pause 900ms\] about my bill\): no_cut_off: the agent took the turn \d+ ms into a 900 ms pause/,
    );
    // The transcript of each turn follows the reasons: here the recognizer, whose phrases lack the
    // first half, heard nothing it knew in it.
    expect(pause?.failure?.['#text']).toContain(
      '-- turn 1: I have a question [pause 900ms] about my bill\nreception: ',
    );
    expect(simulations?.testcase[0]?.failure?.message).toBe('0/1 runs passed (0%), scripted caller; needed 100%');
    expect(simulations?.testcase[0]?.failure?.['#text']).toContain(
      'check handoff: expected a handoff to billing, but it went to support',
    );
  });

  it('accepts a pass rate below 1 for simulations', async () => {
    const spec = receptionist();
    const simulation = spec.simulations?.[0];
    if (simulation) simulation.checks.push({ kind: 'variable', name: 'never', value: true });
    const flow = join(dir, 'rate.json');
    await writeFile(flow, JSON.stringify(spec));
    expect((await run(['test', flow, '--only', 'billing-caller', '--k', '1', '--pass-rate', '0'])).code).toBe(0);
    expect((await run(['test', flow, '--only', 'billing-caller', '--k', '1'])).code).toBe(1);
  });

  it('exits 2 naming what is wrong: usage, unreadable JSON, an invalid flow, an unknown id', async () => {
    const usage = await run(['test']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('parley: name a flow: a FlowSpec JSON file or a flow id');
    expect((await run(['test', 'x.json', '--k', '0'])).stderr).toContain('--k must be a whole number from 1 to 20');

    await writeFile(join(dir, 'bad.json'), '{"name": ');
    const bad = await run(['test', 'bad.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^parley: bad\.json is not JSON: /);

    const spec = receptionist();
    spec.entryAgentId = 'nobody';
    await writeFile(join(dir, 'invalid.json'), JSON.stringify(spec));
    const invalid = await run(['test', 'invalid.json']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('invalid.json is not a valid flow:');
    expect(invalid.stderr).toMatch(/entryAgentId: .*nobody/);

    const noDb = await run(['test', 'some-flow-id'], { DATABASE_URL: '' });
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain('"some-flow-id" is not a file; to load a flow by id, set DATABASE_URL');
  });

  it("runs a stored flow's draft by id from the database", async () => {
    const workspace = await workspaces.create('CLI tests');
    const flow = await flows.create(receptionist(), workspace.id);
    const result = await run(['test', flow.id, '--only', 'unclear-request']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`parley test: flow ${flow.id} (Receptionist, draft revision`);
    expect(result.stdout).toContain('1 passed, 0 failed, of 1');
    const missing = await run(['test', '00000000-0000-4000-8000-000000000000']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no flow with id 00000000-0000-4000-8000-000000000000 in the database');
  });
});
