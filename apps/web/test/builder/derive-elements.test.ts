import { flowSpecSchema } from '@parley/engine/flow';
import { describe, expect, it } from 'vitest';
import { createEdgeDeriver, createNodeDeriver } from '../../src/builder/canvas/derive-elements';
import { emptySelection, selectAgents } from '../../src/builder/state/selection';
import { moveAgents } from '../../src/builder/state/spec-edits';
import { indexIssues } from '../../src/builder/validation/issue-index';

const spec = flowSpecSchema.parse({
  schemaVersion: 1,
  name: 'Three',
  entryAgentId: 'a',
  agents: ['a', 'b', 'c'].map((id, i) => ({ id, name: id.toUpperCase(), position: { x: i * 300, y: 0 } })),
  edges: [
    { id: 'ab', from: 'a', to: 'b' },
    { id: 'bc', from: 'b', to: 'c' },
  ],
});
const noIssues = indexIssues(spec, []);
const noSizes = new Map<string, { width: number; height: number }>();

describe('canvas element derivation', () => {
  it('gives back the same node array when nothing shown changed', () => {
    const derive = createNodeDeriver();
    const first = derive(spec, emptySelection, noIssues, noSizes);
    expect(derive({ ...spec }, emptySelection, noIssues, noSizes)).toBe(first);
  });

  it('replaces only the moved node when an agent is dragged', () => {
    const derive = createNodeDeriver();
    const [a, b, c] = derive(spec, emptySelection, noIssues, noSizes);
    const moved = derive(moveAgents(spec, new Map([['b', { x: 10, y: 20 }]])), emptySelection, noIssues, noSizes);
    expect(moved[0]).toBe(a);
    expect(moved[1]).not.toBe(b);
    expect(moved[1]?.position).toEqual({ x: 10, y: 20 });
    expect(moved[2]).toBe(c);
  });

  it('replaces a node whose selection changed', () => {
    const derive = createNodeDeriver();
    const before = derive(spec, emptySelection, noIssues, noSizes);
    const after = derive(spec, selectAgents(['c']), noIssues, noSizes);
    expect(after).not.toBe(before);
    expect(after[2]?.selected).toBe(true);
    expect(after[0]).toBe(before[0]);
  });

  it('keeps the edge array while a drag changes no edge', () => {
    const derive = createEdgeDeriver();
    const first = derive(spec, emptySelection, noIssues);
    expect(derive(moveAgents(spec, new Map([['a', { x: 5, y: 5 }]])), emptySelection, noIssues)).toBe(first);
  });
});
