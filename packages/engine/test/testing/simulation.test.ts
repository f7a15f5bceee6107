import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlowSpec, flowSpecSchema, type Simulation } from '../../src/flow';
import { createOpenAiLlm } from '../../src/providers/llm/openai';
import { receptionistTemplate } from '../../src/templates/receptionist';
import { runSimulation, runSimulations } from '../../src/testing/simulation';
import { type OpenAiDouble, startOpenAiDouble } from '../doubles/openai';

const receptionist = (): FlowSpec => flowSpecSchema.parse(receptionistTemplate.spec);
const billingCaller = (): Simulation => {
  const simulation = receptionist().simulations?.[0];
  if (!simulation) throw new Error('the receptionist template lost its simulation');
  return simulation;
};

describe('persona simulations, offline: the scripted caller', () => {
  it('reaches the billing handoff, the invoice lookup and the end of the call, k times', async () => {
    const [result] = await runSimulations(receptionist());
    expect(result).toMatchObject({ id: 'billing-caller', caller: 'scripted', k: 3, passed: 3, passRate: 1 });
    expect(result?.status).toBe('passed');
    const run = result?.runs[0];
    expect(run?.endedBy).toBe('agent');
    expect(run?.callerTurns).toBe(3);
    expect(run?.checks.map((c) => [c.check.kind, c.status, c.reason])).toEqual([
      ['handoff', 'passed', 'handed off to billing'],
      ['tool_call', 'passed', expect.stringContaining('lookup_invoice')],
      ['ends', 'passed', 'the call ended (end_call_tool)'],
    ]);
    // Without an LLM the criteria cannot be judged: skipped, and the run still passes on its checks.
    expect(run?.criteria.every((c) => c.status === 'skipped')).toBe(true);
    expect(run?.transcript).toContainEqual({ kind: 'handoff', from: 'reception', to: 'billing' });
  });

  it('fails a hard check it does not meet, saying why, and reports the caller that gave up', async () => {
    const simulation: Simulation = {
      ...billingCaller(),
      k: 1,
      checks: [{ kind: 'handoff', to: 'support' }, { kind: 'variable', name: 'plan', value: 'gold' }, { kind: 'ends' }],
      // The caller hangs up once billing asks for the number.
      script: { rules: [{ when: 'billing or support', say: 'I have a question about my bill' }] },
    };
    const result = await runSimulation(receptionist(), simulation);
    expect(result.passRate).toBe(0);
    expect(result.runs[0]?.endedBy).toBe('caller');
    expect(result.runs[0]?.checks.map((c) => c.reason)).toEqual([
      'expected a handoff to support, but it went to billing',
      'expected plan = "gold", but it was never set',
      'expected the call to end, but it went on',
    ]);
  });

  it('checks a variable the flow set', async () => {
    const spec = receptionist();
    spec.variables = [{ name: 'caller_name', type: 'string', description: '' }];
    spec.agents[0]?.script?.rules.unshift({
      when: 'my name is (?<name>\\w+)',
      say: 'Thanks {{name}}. Billing or support?',
      call: { tool: 'set_variable', args: { name: 'caller_name', value: '{{name}}' } },
    });
    const result = await runSimulation(spec, {
      ...billingCaller(),
      k: 1,
      checks: [{ kind: 'variable', name: 'caller_name', value: 'Ada' }],
      script: { rules: [{ when: 'Do you need help', say: 'my name is Ada' }] },
    });
    expect(result.runs[0]?.checks[0]).toMatchObject({ status: 'passed', reason: 'caller_name was set to "Ada"' });
  });

  it('speaks the scripted lines in voice mode, through VAD and PocketSphinx', async () => {
    const result = await runSimulation(receptionist(), { ...billingCaller(), mode: 'voice', k: 1 });
    expect(result.runs[0]?.error).toBeNull();
    expect(result.runs[0]?.checks.map((c) => c.status)).toEqual(['passed', 'passed', 'passed']);
    // What the recognizer heard, not what was typed.
    expect(result.runs[0]?.transcript).toContainEqual({ kind: 'user', text: 'invoice one two three' });
    expect(result.passRate).toBe(1);
  });

  it('cannot run without an LLM or a script, and says so', async () => {
    const { script: _, ...noScript } = billingCaller();
    const result = await runSimulation(receptionist(), noScript);
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/needs an LLM to play the caller \(set OPENAI_API_KEY\) or a script/);
  });
});

describe('persona simulations with an LLM caller and judge (OpenAI protocol double)', () => {
  let openai: OpenAiDouble;
  beforeAll(async () => {
    openai = await startOpenAiDouble();
  });
  afterAll(async () => {
    await openai.close();
  });

  it('runs k = 3 times and reports the pass rate from the judge', async () => {
    const pass =
      '{"criteria":[{"n":1,"verdict":"pass","reason":"routed to billing"},{"n":2,"verdict":"pass","reason":"told it is paid"}]}';
    const fail =
      '{"criteria":[{"n":1,"verdict":"pass","reason":"routed"},{"n":2,"verdict":"fail","reason":"never said whether it is paid"}]}';
    for (const verdict of [pass, pass, fail]) {
      openai.replies.chat.push(
        [{ text: 'Hi, I have a question ' }, { text: 'about my bill' }],
        [{ text: 'invoice one two three' }],
        [{ text: 'goodbye' }],
        [{ text: verdict }],
      );
    }
    const llm = createOpenAiLlm({ apiKey: openai.apiKey, model: 'gpt-4o-mini', baseUrl: openai.baseUrl });
    const result = await runSimulation(receptionist(), billingCaller(), { llm });
    expect(result).toMatchObject({ caller: 'llm', k: 3, passed: 2, status: 'failed' });
    expect(result.passRate).toBeCloseTo(2 / 3);
    expect(result.runs.map((r) => r.status)).toEqual(['passed', 'passed', 'failed']);
    expect(result.runs[2]?.criteria[1]).toEqual({
      criterion: 'The caller learns whether the invoice is paid',
      status: 'failed',
      reason: 'never said whether it is paid',
    });
    expect(result.runs[0]?.transcript.slice(0, 3)).toEqual([
      {
        kind: 'assistant',
        agentId: 'reception',
        text: 'Hello, thanks for calling. Do you need help with billing or support?',
      },
      { kind: 'user', text: 'Hi, I have a question about my bill' },
      { kind: 'tool_call', name: 'transfer_to_billing', arguments: {} },
    ]);

    // 4 requests per run: three caller lines, one verdict.
    expect(openai.requests).toHaveLength(12);
    const first = openai.requests[0]?.body as { messages: { role: string; content: string }[] };
    expect(first.messages[0]?.content).toContain(
      'What you know (give it when asked): The invoice number is one two three (123).',
    );
    expect(first.messages[0]?.content).toContain('What you want: Find out whether invoice 123 has been paid');
    // The agent speaks as the caller model's "user".
    expect(first.messages[1]).toEqual({
      role: 'user',
      content: 'Hello, thanks for calling. Do you need help with billing or support?',
    });
    const judged = openai.requests[3]?.body as { messages: { content: string }[] };
    expect(judged.messages[1]?.content).toContain('1. The agent routes the caller to billing');
    expect(judged.messages[1]?.content).toContain('Caller: invoice one two three');
    expect(judged.messages[1]?.content).toContain('Agent: Let me look that up.');
  });
});
