import { describe, expect, it } from 'vitest';
import { namesFlow, parseJobMetadata } from '../../src/dispatch/job-metadata';

const flowId = '5b0c8f52-3f0e-4c5e-9a51-0d8e6d0a1c11';
const parse = (value: unknown) => parseJobMetadata(JSON.stringify(value));

describe('job metadata', () => {
  it('accepts an existing call, a flow by id and a flow by slugs, with variables and a source', () => {
    expect(parse({ callId: 'c1', flowVersionId: 'v1' })).toEqual({ callId: 'c1', flowVersionId: 'v1' });
    expect(namesFlow(parse({ callId: 'c1', flowVersionId: 'v1' }))).toBe(false);
    const byId = parse({ flowId, variables: { name: 'Ada' }, source: 'api' });
    expect(byId).toEqual({ flowId, variables: { name: 'Ada' }, source: 'api' });
    expect(namesFlow(byId)).toBe(true);
    expect(parse({ workspace: 'acme', flow: 'front-desk' })).toEqual({ workspace: 'acme', flow: 'front-desk' });
  });

  it('says what is wrong: not JSON, no form, and which fields of the meant form are bad', () => {
    expect(() => parseJobMetadata('')).toThrow('job metadata is not JSON; expected');
    expect(() => parse({ room: 'x' })).toThrow('job metadata names neither a call nor a flow');
    expect(() => parse({ callId: 'c1' })).toThrow('job metadata has bad fields: flowVersionId is missing');
    expect(() => parse({ flowId: 'nope' })).toThrow('flowId is not a flow id (a UUID)');
    expect(() => parse({ workspace: 'Acme Inc', flow: 'front-desk' })).toThrow('workspace is not a slug');
    expect(() => parse({ workspace: 'acme' })).toThrow('flow is missing');
    expect(() => parse({ flowId, variables: { age: 42, name: 'Ada' } })).toThrow(
      'job metadata has bad fields: variables.age must be a string',
    );
    expect(() => parse({ flowId, variables: 'name=Ada' })).toThrow('variables');
    expect(() => parse({ flowId, source: 'sip' })).toThrow('source');
    expect(() => parse({ flowId, extra: 1 })).toThrow('unknown field extra');
  });
});
