import { type FlowSpec, flowSpecSchema } from '@parley/engine/flow';
import { describe, expect, it } from 'vitest';
import { diffSpecs, isEmptyDiff } from '../../src/builder/versions/spec-diff';

const base = (): FlowSpec =>
  flowSpecSchema.parse({
    schemaVersion: 1,
    name: 'Flow',
    entryAgentId: 'a',
    agents: [
      { id: 'a', name: 'A', instructions: 'hi', position: { x: 0, y: 0 } },
      { id: 'b', name: 'B', position: { x: 100, y: 0 } },
    ],
    edges: [{ id: 'ab', from: 'a', to: 'b' }],
    variables: [{ name: 'caller_name' }],
  });

describe('diffSpecs', () => {
  it('finds nothing between equal specs', () => {
    expect(isEmptyDiff(diffSpecs(base(), base()))).toBe(true);
  });

  it('reports added, removed and changed agents with the changed fields', () => {
    const after = base();
    after.agents = [
      { ...(after.agents[0] as FlowSpec['agents'][number]), instructions: 'hello', position: { x: 5, y: 5 } },
      { id: 'c', name: 'C', instructions: '', tools: [], position: { x: 0, y: 0 } },
    ];
    const diff = diffSpecs(base(), after);
    expect(diff.agents.added.map((a) => a.id)).toEqual(['c']);
    expect(diff.agents.removed.map((a) => a.id)).toEqual(['b']);
    expect(diff.agents.changed).toEqual([{ id: 'a', label: 'A', fields: ['instructions', 'position'] }]);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('reports handoff changes labelled by agent names', () => {
    const after = base();
    after.edges = [{ ...(after.edges[0] as FlowSpec['edges'][number]), contextPolicy: 'none' }];
    expect(diffSpecs(base(), after).edges.changed).toEqual([{ id: 'ab', label: 'A → B', fields: ['contextPolicy'] }]);
  });

  it('reports settings leaf by leaf, including newly set sections', () => {
    const after = base();
    after.settings = { ...after.settings, turnHandling: { endpointing: { mode: 'dynamic', minDelay: 300 } } };
    expect(diffSpecs(base(), after).settings).toEqual([
      'turnHandling.endpointing.minDelay',
      'turnHandling.endpointing.mode',
    ]);
  });

  it('reports flow-level fields and variables', () => {
    const after = { ...base(), name: 'Renamed', variables: [] };
    const diff = diffSpecs(base(), after);
    expect(diff.flow).toEqual(['name']);
    expect(diff.variables.removed.map((v) => v.id)).toEqual(['caller_name']);
  });
});
