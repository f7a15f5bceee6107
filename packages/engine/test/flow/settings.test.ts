import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  describeSettings,
  handoffLastNSetting,
  numberRange,
  type TurnHandlingOverrides,
  turnHandlingDefaults,
  turnHandlingSchema,
  turnHandlingSettings,
  validate,
  webhookTimeoutSetting,
} from '../../src/flow';
import { flowSpecJsonSchemaText } from '../../src/flow/json-schema';
import { setting, settingGroup } from '../../src/flow/settings/meta';
import { receptionFlow } from './fixtures';

/** Dotted paths of every leaf of a resolved settings object (maps count as one leaf). */
function leafPaths(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, v]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const isGroup = typeof v === 'object' && v !== null && !Array.isArray(v) && path !== 'turnModel.thresholds';
    return isGroup ? leafPaths(v as Record<string, unknown>, path) : [path];
  });
}

/** Overrides holding `value` at a setting's path (one entry `xx` for a map). */
function overridesAt(path: string, value: unknown, map: boolean): TurnHandlingOverrides {
  const keys = map ? [...path.split('.'), 'xx'] : path.split('.');
  const root: Record<string, unknown> = {};
  let node = root;
  keys.forEach((key, i) => {
    node[key] = i === keys.length - 1 ? value : {};
    node = node[key] as Record<string, unknown>;
  });
  return root;
}

const numbers = turnHandlingSettings.filter((s) => s.value.type === 'number');

describe('turn-handling settings: one definition in the zod schema', () => {
  it('declares every setting TurnHandling holds, each with a group, a label and help', () => {
    expect(turnHandlingSettings.map((s) => s.path)).toEqual(leafPaths(turnHandlingDefaults));
    for (const s of turnHandlingSettings) {
      expect(s.group, s.path).not.toBe('');
      expect(s.label.trim(), s.path).not.toBe('');
      expect(s.help.trim().length, `${s.path} needs help`).toBeGreaterThan(15);
    }
  });

  it('gives every number a range and a unit, and every default lies inside its range', () => {
    expect(numbers.length).toBeGreaterThan(10);
    for (const s of numbers) {
      if (s.value.type !== 'number') continue;
      expect(s.unit.trim(), `${s.path} needs a unit`).not.toBe('');
      expect(s.value.min, `${s.path} needs a range`).toBeTypeOf('number');
      const defaults = s.map ? Object.values(s.default as Record<string, number>) : [s.default as number];
      for (const value of defaults) {
        expect(value, s.path).toBeGreaterThanOrEqual(s.value.min);
        if (s.value.max !== undefined) expect(value, s.path).toBeLessThanOrEqual(s.value.max);
      }
    }
  });

  it('gives choices their options and defaults that parse as overrides', () => {
    for (const s of turnHandlingSettings) {
      if (s.value.type === 'choice') expect(s.value.options, s.path).toContain(s.default);
      expect(() => turnHandlingSchema.parse(overridesAt(s.path, s.default, false)), s.path).not.toThrow();
    }
  });

  it('refuses a setting without metadata, help, range or unit, naming it', () => {
    const meta = { label: 'Delay', help: 'How long to wait before anything happens.', unit: 'ms', min: 0 };
    const withMeta = (overrides: object) => setting(z.number(), { ...meta, ...overrides }, 1);
    const describe = (field: z.ZodType) =>
      describeSettings(z.strictObject({ part: settingGroup(z.strictObject({ delay: field }), 'Part') }));

    expect(describe(withMeta({}))).toHaveLength(1);
    expect(() => describe(z.number().default(1))).toThrow('"part.delay" has no metadata');
    expect(() => describe(withMeta({ min: undefined }))).toThrow('"part.delay" has no range');
    expect(() => describe(withMeta({ unit: '' }))).toThrow('"part.delay" has no unit');
    expect(() => describe(withMeta({ help: ' ' }))).toThrow('"part.delay" has no label or help');
  });

  it('validate() enforces every declared range, on the session and on agents', () => {
    for (const s of numbers) {
      if (s.value.type !== 'number') continue;
      const bad = [s.value.min - 1, ...(s.value.max === undefined ? [] : [s.value.max + 1])];
      for (const value of bad) {
        const field = s.map ? `${s.path}.xx` : s.path;
        const spec = receptionFlow();
        spec.settings = { turnHandling: overridesAt(s.path, value, s.map) };
        const [agent] = spec.agents;
        if (agent) agent.turnHandling = overridesAt(s.path, value, s.map);
        const issues = validate(spec).issues.filter((i) => i.code === 'setting_out_of_range');
        expect(
          issues.map((i) => i.target.path),
          `${s.path} = ${value}`,
        ).toEqual([`settings.turnHandling.${field}`, `agents.0.turnHandling.${field}`]);
        expect(issues[0]?.message).toContain(`(got ${value}`);
      }
      const spec = receptionFlow();
      spec.settings = { turnHandling: overridesAt(s.path, s.value.min, s.map) };
      expect(
        validate(spec).issues.filter((i) => i.code === 'setting_out_of_range'),
        s.path,
      ).toEqual([]);
    }
  });

  it('writes label, help, unit, range and default of every setting into the JSON Schema', () => {
    const json = JSON.parse(flowSpecJsonSchemaText());
    const turnHandling = json.properties.settings.properties.turnHandling;
    for (const s of turnHandlingSettings) {
      let node = turnHandling;
      for (const key of s.path.split('.')) node = node.properties[key];
      expect(node.title, s.path).toBe(s.label);
      expect(node.description, s.path).toContain(s.help);
      if (s.unit) expect(node.description, s.path).toContain(`Unit: ${s.unit}.`);
      expect(node.default, s.path).toEqual(s.default);
      if (s.value.type !== 'number') continue;
      const values = s.map ? node.additionalProperties : node;
      expect(values.minimum, s.path).toBe(s.value.min);
      if (s.value.max !== undefined) expect(values.maximum, s.path).toBe(s.value.max);
    }
  });

  it('declares the webhook timeout and the turns a handoff keeps once too', () => {
    const json = JSON.parse(flowSpecJsonSchemaText());
    const webhook = json.properties.agents.items.properties.tools.items.oneOf.find(
      (tool: { properties: { type: { const: string } } }) => tool.properties.type.const === 'webhook',
    );
    const fields = [
      { setting: webhookTimeoutSetting, node: webhook.properties.timeoutMs },
      { setting: handoffLastNSetting, node: json.properties.edges.items.properties.lastN },
    ];
    for (const { setting, node } of fields) {
      const range = numberRange(setting);
      expect(setting.unit, setting.path).not.toBe('');
      expect(node).toMatchObject({ title: setting.label, default: setting.default, minimum: range.min });
      expect(node.description).toContain(setting.help);
    }

    const { min, max } = numberRange(webhookTimeoutSetting);
    const timeoutIssues = (timeoutMs: number) => {
      const spec = receptionFlow();
      const tool = spec.agents[1]?.tools?.[0];
      if (tool?.type === 'webhook') tool.timeoutMs = timeoutMs;
      return validate(spec)
        .issues.filter((i) => i.code === 'setting_out_of_range')
        .map((i) => i.target.path);
    };
    expect(timeoutIssues(min - 1)).toEqual(['agents.1.tools.0.timeoutMs']);
    expect(timeoutIssues((max ?? min) + 1)).toEqual(['agents.1.tools.0.timeoutMs']);
    expect(timeoutIssues(min)).toEqual([]);

    const spec = receptionFlow();
    const [edge] = spec.edges ?? [];
    if (edge) Object.assign(edge, { contextPolicy: 'lastN', lastN: numberRange(handoffLastNSetting).min - 1 });
    expect(validate(spec).issues.map((i) => [i.code, i.target.path])).toEqual([
      ['setting_out_of_range', 'edges.0.lastN'],
    ]);
  });
});
