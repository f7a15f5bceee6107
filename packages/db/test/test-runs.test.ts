import { describe, expect, it } from 'vitest';
import { flows } from '../src/flows';
import { testRuns } from '../src/test-runs';
import { versions } from '../src/versions';
import { testWorkspace, validSpec } from './fixtures';

describe('test runs', () => {
  it('are stored on the version they ran on and shown on every version with exactly that spec', async () => {
    const flow = await flows.create(validSpec('Tested'), await testWorkspace());
    const tested = await versions.snapshot(flow.id, 'test call');
    await testRuns.record(tested.id, { passed: 1, total: 3, results: { results: [], simulations: [] } });
    await testRuns.record(tested.id, { passed: 2, total: 3, results: { results: [], simulations: [] } });
    // Published from the same draft: the same spec, so the same results.
    const published = await versions.publish(flow.id, 'v2');
    const current = await flows.get(flow.id);
    await flows.updateDraft(flow.id, validSpec('Tested', 'Say hello.'), current.revision);
    const untested = await versions.snapshot(flow.id, 'changed');

    const latest = await testRuns.latestByVersion(flow.id);
    expect(latest.get(tested.id)).toMatchObject({ passed: 2, total: 3, flowVersionId: tested.id });
    expect(latest.get(published.id)).toMatchObject({ passed: 2, total: 3, flowVersionId: tested.id });
    expect(latest.has(untested.id)).toBe(false);
    expect(latest.get(tested.id)?.passRate).toBeCloseTo(2 / 3);

    expect(await testRuns.latestForSpec(flow.id, published.spec)).toMatchObject({ passed: 2, total: 3 });
    expect(await testRuns.latestForSpec(flow.id, (await flows.get(flow.id)).draft)).toBeNull();
    // The publish rule is not what was tested: setting it keeps the results.
    const withRule = { ...published.spec, testPolicy: { requiredPassRate: 1 } };
    expect(await testRuns.latestForSpec(flow.id, withRule)).toMatchObject({ passed: 2, total: 3 });
  });
});
