import { describe, expect, it } from 'vitest';
import { type FlowSpec, flowSpecSchema, validate } from '../../src/flow';
import { receptionistTemplate } from '../../src/templates/receptionist';

const receptionist = (): FlowSpec => flowSpecSchema.parse(receptionistTemplate.spec);

describe('validate: simulated callers', () => {
  it('accepts the receptionist template with its voice scenarios and simulation', () => {
    expect(validate(receptionist()).issues).toEqual([]);
  });

  it('reports bad delivery markup, duplicate simulation ids, unknown agents and bad caller patterns at their paths', () => {
    const spec = receptionist();
    const voice = spec.scenarios.find((s) => s.mode === 'voice');
    if (voice?.turns[0]) voice.turns[0].user = 'I have a question [pauze 900ms] about my bill';
    const simulation = spec.simulations?.[0];
    if (!simulation) throw new Error('the template lost its simulation');
    simulation.checks.push({ kind: 'handoff', to: 'accounts' });
    simulation.script?.rules.push({ when: '(?=lookahead)', say: 'hi' });
    spec.simulations?.push({ ...simulation, name: 'Copy' });
    const issues = validate(spec).issues.map((i) => [i.code, i.target.path]);
    const voiceIndex = spec.scenarios.indexOf(voice as never);
    expect(issues).toEqual([
      ['scenario_delivery_invalid', `scenarios.${voiceIndex}.turns.0.user`],
      ['simulation_agent_unknown', 'simulations.0.checks.3.to'],
      ['simulation_rule_invalid', 'simulations.0.script.rules.3.when'],
      ['simulation_duplicate_id', 'simulations.1.id'],
      ['simulation_agent_unknown', 'simulations.1.checks.3.to'],
      ['simulation_rule_invalid', 'simulations.1.script.rules.3.when'],
    ]);
    expect(validate(spec).issues[0]?.message).toBe(
      `Scenario "${voice?.name}", turn 1: unknown delivery markup [pauze 900ms]: use [pause 900ms], [barge-in 300ms], [noise -50dBFS] or [filler um].`,
    );
  });
});
