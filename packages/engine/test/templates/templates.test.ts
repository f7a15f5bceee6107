import { describe, expect, it } from 'vitest';
import { compile, validate } from '../../src/flow';
import { templates } from '../../src/templates';

describe('templates', () => {
  it('have unique ids', () => {
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
  });

  for (const template of templates) {
    it(`${template.id} validates with no errors and compiles`, () => {
      const result = validate(template.spec);
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(result.valid).toBe(true);
      expect(() => compile(template.spec)).not.toThrow();
    });
  }

  it('receptionist script rules call the generated handoff tools', () => {
    const spec = validate(templates.find((t) => t.id === 'receptionist')?.spec).spec;
    const reception = spec?.agents.find((a) => a.id === 'reception');
    const calls = reception?.script?.rules.map((r) => r.call?.tool);
    expect(calls).toEqual(expect.arrayContaining(['transfer_to_billing', 'transfer_to_support', 'end_call']));
  });

  it('appointment booking references its variables in instructions', () => {
    const spec = validate(templates.find((t) => t.id === 'appointment-booking')?.spec).spec;
    expect(spec?.agents[0]?.instructions).toContain('{{caller_name}}');
    expect(spec?.variables.map((v) => v.name)).toEqual(['caller_name', 'preferred_date']);
  });
});
