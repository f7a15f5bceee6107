import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, flows, getDb, versions } from '../src/index';
import { testWorkspace, validSpec } from './fixtures';

afterAll(closeDb);

/** The stored JSON of a flow saved before FlowSpec v2: schemaVersion 1, no v2 fields at all. */
const v1Json = (name: string) => ({
  schemaVersion: 1,
  name,
  description: '',
  entryAgentId: 'a',
  agents: [{ id: 'a', name: 'Reception', instructions: 'Greet the caller.', tools: [], position: { x: 0, y: 0 } }],
  edges: [],
  variables: [],
  scenarios: [],
  settings: { turnHandling: {}, providers: {}, language: 'en' },
});

describe('FlowSpec v1 rows in Postgres', () => {
  test('a v1 draft and a v1 version load as v2 (migrated on read) and can be published again', async () => {
    const flow = await flows.create(validSpec('Old flow'), await testWorkspace());
    const version = await versions.publish(flow.id, 'before v2');
    // Put back what a pre-v2 deployment wrote, bypassing the repositories.
    await getDb().flow.update({ where: { id: flow.id }, data: { draft: v1Json('Old flow') } });
    await getDb().flowVersion.update({ where: { id: version.id }, data: { spec: v1Json('Old flow') } });

    const draft = (await flows.get(flow.id)).draft;
    expect(draft.schemaVersion).toBe(2);
    expect(draft.agents[0]).toMatchObject({ id: 'a', name: 'Reception' });
    const stored = await versions.get(flow.id, 1);
    expect(stored.spec.schemaVersion).toBe(2);
    expect(stored.spec.agents[0]?.kind).toBeUndefined();

    const next = await versions.publish(flow.id, 'after v2');
    expect(next.spec.schemaVersion).toBe(2);
  });
});
