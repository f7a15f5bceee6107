import { flowSpecSchema } from '@parley/engine/flow';
import { templates } from '@parley/engine/templates';
import { describe, expect, it } from 'vitest';
import { formatScenarios, parseScenarios } from '../../src/tester/scenarios/scenario-text';

describe('scenarios as text', () => {
  it('round-trips the receptionist template scenarios', () => {
    const { scenarios } = flowSpecSchema.parse(templates.find((t) => t.id === 'receptionist')?.spec);
    expect(parseScenarios(formatScenarios(scenarios))).toEqual({ ok: true, scenarios });
  });

  it('reads every expectation kind and reports bad lines by number', () => {
    const parsed = parseScenarios(
      '## Billing\n> my bill\nsays: offers billing /bill(ing)?/\ntool: lookup {"n": 1}\nhandoff: billing\nends',
    );
    expect(parsed).toEqual({
      ok: true,
      scenarios: [
        {
          id: 'billing',
          name: 'Billing',
          turns: [
            {
              user: 'my bill',
              expect: [
                { kind: 'says', intent: 'offers billing', pattern: 'bill(ing)?' },
                { kind: 'tool_call', name: 'lookup', arguments: { n: 1 } },
                { kind: 'handoff', to: 'billing' },
                { kind: 'ends' },
              ],
            },
          ],
        },
      ],
    });
    const broken = parseScenarios('> orphan\n## A\nends\n> hi\ntool: x {nope}');
    expect(broken).toEqual({
      ok: false,
      errors: [
        { line: 1, message: 'start a scenario with "## name" first' },
        { line: 3, message: 'expectations follow a user turn ("> what the caller says")' },
        { line: 5, message: 'tool arguments are not valid JSON: {nope}' },
      ],
    });
  });

  it('keeps voice mode and the caller of each turn', () => {
    const text =
      '## Pauses [pauses] (voice)\n> I was thinking [pause 900ms] about my claim\ncaller: en-gb 140wpm\nends';
    const parsed = parseScenarios(text);
    expect(parsed).toEqual({
      ok: true,
      scenarios: [
        {
          id: 'pauses',
          name: 'Pauses',
          mode: 'voice',
          turns: [
            {
              user: 'I was thinking [pause 900ms] about my claim',
              voice: 'en-gb',
              wordsPerMinute: 140,
              expect: [{ kind: 'ends' }],
            },
          ],
        },
      ],
    });
    if (parsed.ok) expect(formatScenarios(parsed.scenarios)).toBe(text);
    expect(parseScenarios('## A\n> hi\ncaller: 20wpm')).toEqual({
      ok: false,
      errors: [{ line: 3, message: 'caller: the speaking rate must be between 80wpm and 450wpm' }],
    });
  });
});
