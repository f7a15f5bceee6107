import { describe, expect, it } from 'vitest';
import { validate } from '../../src/flow';
import { createScriptedLlm } from '../../src/providers/llm/scripted';
import { receptionFlow } from './fixtures';

describe('regular expressions in flows', () => {
  it('reports a script rule regex that is invalid or needs backtracking, with its path', () => {
    const spec = receptionFlow();
    const reception = spec.agents[0];
    if (!reception) throw new Error('fixture has no agents');
    reception.script = { rules: [{ when: '(a' }, { when: '(\\w+) and \\1' }, { when: '^(?=yes)' }, { when: 'fine' }] };
    const issues = validate(spec).issues.filter((i) => i.code === 'script_rule_invalid');
    expect(issues.map((i) => i.target.path)).toEqual([
      'agents.0.script.rules.0.when',
      'agents.0.script.rules.1.when',
      'agents.0.script.rules.2.when',
    ]);
    expect(issues[1]?.message).toMatch(/backreference|lookaround|not supported/i);
    expect(issues.every((i) => i.severity === 'error' && i.target.kind === 'agent')).toBe(true);
  });

  it('reports a scenario pattern the linear-time engine cannot run', () => {
    const spec = receptionFlow();
    spec.scenarios = [
      { id: 's1', name: 'Lookahead', turns: [{ user: 'hi', expect: [{ kind: 'says', pattern: '(?!no)hello' }] }] },
    ];
    const [issue] = validate(spec).issues;
    expect(issue).toMatchObject({
      code: 'scenario_pattern_invalid',
      target: { kind: 'scenario', id: 's1', path: 'scenarios.0.turns.0.expect.0.pattern' },
    });
  });

  it('matches a catastrophic-backtracking rule in linear time (the scripted LLM does not hang)', async () => {
    const llm = createScriptedLlm({
      agent: {
        id: 'a',
        name: 'A',
        tools: [],
        script: { rules: [{ when: '^(a+)+$', say: 'matched' }], fallback: 'no match' },
      },
    });
    const said: string[] = [];
    // 2^30 backtracking steps for a backtracking engine: minutes, far past the test timeout.
    const content = `${'a'.repeat(30)}!`;
    for await (const chunk of llm.chat({ messages: [{ role: 'user', content }], tools: [] })) {
      if (chunk.type === 'text') said.push(chunk.delta);
    }
    expect(said.join('')).toBe('no match');
  });
});
