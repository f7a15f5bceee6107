import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowSpecJsonSchemaPath, flowSpecJsonSchemaText } from '../../src/flow/json-schema';

describe('FlowSpec JSON Schema', () => {
  it('matches the checked-in file (run `npm run schema:export` after changing the zod schema)', () => {
    expect(readFileSync(flowSpecJsonSchemaPath, 'utf8')).toBe(flowSpecJsonSchemaText());
  });

  it('describes the required top-level fields', () => {
    const schema = JSON.parse(flowSpecJsonSchemaText());
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'name', 'entryAgentId', 'agents']));
    expect(schema.properties.schemaVersion.const).toBe(2);
  });
});
