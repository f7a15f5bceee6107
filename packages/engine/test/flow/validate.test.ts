import { describe, expect, it } from 'vitest';
import { issueCodes, validate } from '../../src/flow';
import { brokenCases } from './broken/cases';
import { receptionFlow } from './fixtures';

describe('validate', () => {
  it('accepts the reception flow with no issues', () => {
    const result = validate(receptionFlow());
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.spec?.agents).toHaveLength(3);
  });

  it.each(brokenCases)('$name -> exactly the expected codes', ({ spec, expect: codes }) => {
    const result = validate(spec);
    expect(result.issues.map((i) => i.code).sort()).toEqual([...codes].sort());
    for (const issue of result.issues) {
      expect(issueCodes).toContain(issue.code);
      expect(issue.message.length).toBeGreaterThan(10);
    }
  });

  it('has a corpus of at least 15 broken flows', () => {
    expect(brokenCases.length).toBeGreaterThanOrEqual(15);
  });

  it('reports every problem at once, each pointing at what it is about', () => {
    const spec = receptionFlow();
    spec.entryAgentId = 'ghost';
    spec.edges?.push({ id: 'loop', from: 'support', to: 'support', toolName: 'again' });
    spec.settings = { turnHandling: { vad: { activationThreshold: 2 } } };
    const result = validate(spec);
    expect(result.valid).toBe(false);
    const byCode = Object.fromEntries(result.issues.map((i) => [i.code, i]));
    expect(byCode.entry_unknown?.target).toMatchObject({ kind: 'flow', path: 'entryAgentId' });
    expect(byCode.edge_self_handoff?.target).toMatchObject({ kind: 'edge', id: 'loop', path: 'edges.2' });
    expect(byCode.setting_out_of_range?.target).toMatchObject({
      kind: 'settings',
      path: 'settings.turnHandling.vad.activationThreshold',
    });
  });

  it('names the agent and field of a tool problem', () => {
    const spec = receptionFlow();
    const tool = spec.agents[1]?.tools?.[0];
    if (tool?.type === 'webhook') tool.url = 'javascript:alert(1)';
    const [issue] = validate(spec).issues;
    expect(issue).toMatchObject({
      code: 'webhook_url_invalid',
      target: { kind: 'tool', agentId: 'billing', id: 'lookup_invoice', path: 'agents.1.tools.0.url' },
    });
    expect(issue?.message).toContain('lookup_invoice');
  });

  it('keeps unreachable agents as a warning, not an error', () => {
    const spec = receptionFlow();
    spec.agents.push({ id: 'orphan', name: 'Orphan' });
    const result = validate(spec);
    expect(result.valid).toBe(true);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([['agent_unreachable', 'warning']]);
  });

  it('gives schema problems the path of the bad field', () => {
    const spec = receptionFlow() as unknown as { agents: { name: unknown }[] };
    if (spec.agents[0]) spec.agents[0].name = 42;
    const result = validate(spec);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'schema_invalid', target: { path: 'agents.0.name' } });
    expect(result.issues[0]?.message).toContain('agents.0.name');
  });
});
