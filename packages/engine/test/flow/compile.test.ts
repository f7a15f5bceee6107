import { describe, expect, it } from 'vitest';
import { compile, FlowInvalidError, turnHandlingDefaults } from '../../src/flow';
import { receptionFlow } from './fixtures';

describe('compile', () => {
  it('resolves settings: defaults <- session settings <- agent overrides', () => {
    const spec = receptionFlow();
    spec.settings = { turnHandling: { endpointing: { minDelay: 400 }, interruption: { minWords: 2 } } };
    const plan = compile(spec);
    const billing = plan.agents.billing;
    expect(billing?.settings.endpointing).toEqual({
      ...turnHandlingDefaults.endpointing,
      minDelay: 400,
      mode: 'dynamic',
    });
    expect(billing?.settings.interruption.minWords).toBe(2);
    expect(plan.agents.support?.settings.endpointing.mode).toBe('fixed');
    expect(plan.agents.support?.settings.vad).toEqual(turnHandlingDefaults.vad);
  });

  it('generates one handoff tool per outgoing edge', () => {
    const plan = compile(receptionFlow());
    const tools = plan.agents.reception?.tools ?? [];
    expect(tools.map((t) => [t.kind, t.name])).toEqual([
      ['end_call', 'end_call'],
      ['set_variable', 'set_variable'],
      ['handoff', 'transfer_to_billing'],
      ['handoff', 'get_support'],
    ]);
    const support = tools.find((t) => t.name === 'get_support');
    expect(support).toMatchObject({
      kind: 'handoff',
      targetAgentId: 'support',
      contextPolicy: 'lastN',
      lastN: 4,
      transferLine: 'Let me put you through to support.',
      description: 'The caller has a technical problem.',
    });
    expect(plan.agents.support?.tools.filter((t) => t.kind === 'handoff')).toEqual([]);
  });

  it('keeps instructions as templates and lists the variables they use', () => {
    const plan = compile(receptionFlow());
    expect(plan.agents.reception?.instructions).toContain('{{caller_name}}');
    expect(plan.agents.reception?.variablesUsed).toEqual(['caller_name']);
    expect(plan.variables.map((v) => v.name)).toEqual(['caller_name']);
  });

  it('uses offline providers by default and agent overrides where given', () => {
    const spec = receptionFlow();
    const support = spec.agents[2];
    if (support) support.tts = { provider: 'espeak', voice: 'en-gb' };
    const plan = compile(spec);
    expect(plan.agents.reception?.providers).toEqual({
      llm: { provider: 'scripted' },
      stt: { provider: 'none' },
      tts: { provider: 'espeak', voice: 'en-us' },
    });
    expect(plan.agents.support?.providers.tts).toEqual({ provider: 'espeak', voice: 'en-gb' });
  });

  it('is deterministic', () => {
    expect(JSON.stringify(compile(receptionFlow()))).toBe(JSON.stringify(compile(receptionFlow())));
  });

  it('refuses an invalid spec with its validation issues', () => {
    const spec = receptionFlow();
    spec.entryAgentId = 'ghost';
    let error: unknown;
    try {
      compile(spec);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FlowInvalidError);
    expect((error as FlowInvalidError).issues.map((i) => i.code)).toEqual(['entry_unknown']);
  });

  it('switches to model turn detection when a model is named and no mode is chosen', () => {
    const spec = receptionFlow();
    spec.settings = { turnHandling: { turnModel: { kind: 'text', model: 'eou' } } };
    expect(compile(spec).agents.support?.settings.turnDetection).toBe('model');
    spec.settings = { turnHandling: { turnDetection: 'vad', turnModel: { kind: 'text', model: 'eou' } } };
    expect(compile(spec).agents.support?.settings.turnDetection).toBe('vad');
  });
});
