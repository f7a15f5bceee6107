import { describe, expect, it } from 'vitest';
import { compile, FLOW_SCHEMA_VERSION, flowSpecSchema, migrateFlowSpec, validate } from '../../src/flow';
import { templates } from '../../src/templates';
import { receptionFlow } from './fixtures';

/** A template as it was written before v2: the same document with schemaVersion 1. */
const asV1 = (spec: unknown) => ({ ...structuredClone(spec as object), schemaVersion: 1 });

describe('FlowSpec v1 -> v2 migration', () => {
  it('is at version 2', () => {
    expect(FLOW_SCHEMA_VERSION).toBe(2);
  });

  it.each(templates.map((t) => [t.id, t] as const))(
    'template %s: its v1 form migrates, validates and compiles like the v2 one',
    (_id, template) => {
      const migrated = migrateFlowSpec(asV1(template.spec));
      expect(migrated).toMatchObject({ schemaVersion: 2 });
      const old = validate(asV1(template.spec));
      const current = validate(template.spec);
      expect(old.issues).toEqual(current.issues);
      expect(old.spec).toEqual(current.spec);
      expect(compile(asV1(template.spec))).toEqual(compile(template.spec));
    },
  );

  it('loads an old v1 document exactly as written then (no v2 fields), meaning the same', () => {
    const v1Document = JSON.parse(JSON.stringify({ ...receptionFlow(), schemaVersion: 1 }));
    const spec = flowSpecSchema.parse(v1Document);
    expect(spec.schemaVersion).toBe(2);
    expect(spec.agents.every((a) => a.kind === undefined && a.global === undefined)).toBe(true);
    expect(spec.edges.every((e) => e.condition === undefined)).toBe(true);
    expect(spec.settings).toEqual({ turnHandling: {}, providers: {}, language: 'en' });
    // The input is not changed in place: callers may still hold it.
    expect(v1Document.schemaVersion).toBe(1);
  });

  it('leaves unknown versions alone so validate() names them', () => {
    expect(migrateFlowSpec({ schemaVersion: 7 })).toEqual({ schemaVersion: 7 });
    const result = validate({ ...receptionFlow(), schemaVersion: 7 });
    expect(result.issues.map((i) => [i.code, i.target.path])).toEqual([['schema_invalid', 'schemaVersion']]);
  });
});
