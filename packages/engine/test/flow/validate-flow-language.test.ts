import { describe, expect, it } from 'vitest';
import { compile, type FlowSpecInput, validate } from '../../src/flow';
import { flowLanguageCases } from './broken/flow-language-cases';
import { receptionFlow } from './fixtures';

/** The reception flow with every v2 construct used correctly. */
function richFlow(): FlowSpecInput {
  const spec = structuredClone(receptionFlow());
  spec.schemaVersion = 2;
  spec.variables?.push({ name: 'pin', type: 'string' }, { name: 'vip', type: 'boolean' });
  spec.agents.push(
    { id: 'human', name: 'Human', global: { when: 'The caller asks for a person.' } },
    { id: 'notice', kind: 'say', name: 'Notice', onEnter: { say: 'Calls are recorded.' } },
    { id: 'bye', kind: 'end', name: 'Goodbye', onEnter: { say: 'Goodbye {{caller_name}}.' } },
  );
  const billing = spec.agents[1];
  const tool = billing?.tools?.[0];
  if (tool?.type !== 'webhook') throw new Error('fixture changed');
  tool.branches = { path: '$.status', cases: [{ value: 'closed', to: 'bye' }], default: 'support' };
  spec.agents[2] = {
    ...(spec.agents[2] as FlowSpecInput['agents'][number]),
    globalHandoffs: false,
    onEnter: { say: 'Enter your PIN.', collectDigits: { variable: 'pin', maxDigits: 4, terminator: '#' } },
  };
  spec.edges?.push(
    { id: 'c1', from: 'reception', to: 'notice', condition: 'vip && caller_name != ""' },
    { id: 'c2', from: 'notice', to: 'billing' },
    { id: 'c3', from: 'support', to: 'bye', condition: 'pin == "1234" || result.status == "done"' },
  );
  return spec;
}

describe('validate: the v2 flow language', () => {
  it('accepts globals, conditions, say/end nodes, on-enter steps, digits and branches used correctly', () => {
    const result = validate(richFlow());
    expect(result.issues).toEqual([]);
  });

  it.each(flowLanguageCases)('$name -> exactly its issues', ({ spec, expect: expected }) => {
    const result = validate(spec);
    const got = result.issues.map((i) => [i.code, i.target.path]);
    expect(got.sort()).toEqual([...expected].sort());
    for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(10);
  });
});

describe('compile: the v2 flow language', () => {
  const plan = compile(richFlow());
  const toolNames = (id: string) => plan.agents[id]?.tools.map((t) => t.name);

  it('gives every LLM agent a handoff to the global agent, except those opting out and the global itself', () => {
    expect(toolNames('reception')).toContain('transfer_to_human');
    expect(toolNames('billing')).toContain('transfer_to_human');
    expect(toolNames('support')).not.toContain('transfer_to_human');
    expect(toolNames('human')).not.toContain('transfer_to_human');
    expect(toolNames('notice')).toEqual([]);
    const tool = plan.agents.reception?.tools.find((t) => t.name === 'transfer_to_human');
    expect(tool).toMatchObject({
      kind: 'handoff',
      edgeId: 'global:human',
      targetAgentId: 'human',
      description: 'The caller asks for a person.',
    });
  });

  it('turns condition edges and say-node edges into ordered routes, not LLM tools', () => {
    expect(plan.agents.reception?.routes?.map((r) => [r.condition, r.handoff.targetAgentId])).toEqual([
      ['vip && caller_name != ""', 'notice'],
    ]);
    expect(plan.agents.notice?.routes?.map((r) => [r.condition, r.handoff.edgeId])).toEqual([[undefined, 'c2']]);
    expect(toolNames('reception')).not.toContain('transfer_to_notice');
    expect(plan.agents.bye).toMatchObject({ kind: 'end', onEnter: { say: 'Goodbye {{caller_name}}.' } });
  });
});
