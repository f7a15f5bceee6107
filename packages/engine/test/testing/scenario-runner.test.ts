import { describe, expect, it } from 'vitest';
import { type FlowSpec, flowSpecSchema } from '../../src/flow/schema';
import { receptionistTemplate } from '../../src/templates/receptionist';
import { runScenario, runScenarios } from '../../src/testing/scenario-runner';

const receptionist = (): FlowSpec => flowSpecSchema.parse(receptionistTemplate.spec);

describe('scenario runner', () => {
  it("passes the receptionist template's own scenarios", async () => {
    const spec = receptionist();
    const results = await runScenarios(spec);
    expect(results.map((r) => [r.id, r.status, r.error])).toEqual(spec.scenarios.map((s) => [s.id, 'passed', null]));
    const billing = results[0];
    expect(billing?.steps[0]?.transcript).toContainEqual({ kind: 'handoff', from: 'reception', to: 'billing' });
    expect(billing?.steps[0]?.expectations.every((e) => e.status === 'passed')).toBe(true);
  });

  it('fails a wrong expectation with a reason a person can act on', async () => {
    const spec = receptionist();
    const result = await runScenario(spec, {
      id: 'wrong',
      name: 'expects support for a bill',
      turns: [
        {
          user: 'I have a question about my bill',
          expect: [
            { kind: 'handoff', to: 'support' },
            { kind: 'tool_call', name: 'transfer_to_billing', arguments: { urgent: true } },
            { kind: 'says', pattern: 'refund' },
          ],
        },
        { user: 'goodbye', expect: [] },
        { user: 'are you there', expect: [{ kind: 'ends' }] },
      ],
    });
    expect(result.status).toBe('failed');
    const [handoff, tool, says] = result.steps[0]?.expectations ?? [];
    expect(handoff).toMatchObject({
      status: 'failed',
      reason: 'expected a handoff to support, but it went to billing',
    });
    expect(tool?.reason).toBe('transfer_to_billing was called, but argument urgent was missing, expected true');
    expect(says?.reason).toMatch(
      /^expected the agent to say something matching \/refund\/, but it said "Let me get billing/,
    );
    expect(result.steps[2]?.expectations[0]?.reason).toBe('the call had already ended before this turn');
  });

  it('skips an intent it cannot judge without an LLM, and passes it with a judge', async () => {
    const spec = receptionist();
    const scenario = {
      id: 'intent',
      name: 'intent only',
      turns: [{ user: 'hello there', expect: [{ kind: 'says' as const, intent: 'asks billing or support' }] }],
    };
    const skipped = await runScenario(spec, scenario);
    expect(skipped.status).toBe('passed');
    expect(skipped.steps[0]?.expectations[0]).toMatchObject({ status: 'skipped' });
    expect(skipped.steps[0]?.expectations[0]?.reason).toMatch(/no LLM is configured.*OPENAI_API_KEY/);

    const verdicts: string[] = [];
    const judge = {
      async *chat(request: { messages: { content?: unknown }[] }) {
        verdicts.push(String(request.messages.at(-1)?.content));
        yield { type: 'text' as const, delta: '{"verdict":"fail","reason":"it never mentions billing"}' };
      },
    };
    const judged = await runScenario(spec, scenario, { judge: judge as never });
    expect(judged.status).toBe('failed');
    expect(judged.steps[0]?.expectations[0]?.reason).toBe('the judge disagreed: it never mentions billing');
    expect(verdicts[0]).toContain('Sorry, is this about billing or support?');
  });

  it('reports a flow whose provider cannot be set up as an error naming the missing key', async () => {
    const spec = receptionist();
    spec.settings.providers.llm = { provider: 'openai' };
    const [result] = await runScenarios(spec, { ids: ['unclear-request'] });
    expect(result).toMatchObject({ status: 'error', steps: [] });
    expect(result?.error).toMatch(/OPENAI_API_KEY is not set/);
  });
});
