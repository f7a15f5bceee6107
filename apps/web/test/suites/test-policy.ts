import { testRuns, versions } from '@parley/db';
import { describe, expect, it } from 'vitest';
import type { Api } from '../support/http';
import { twoAgentSpec } from '../support/specs';

/**
 * Test results per version and the publish rule. Runs are recorded straight into the database
 * (as the scenario route does after a runtime run), since this suite's server has no runtime.
 */
export function testPolicySuite(api: Api): void {
  describe('test results and the publish pass rate', () => {
    it('refuses to publish below the required pass rate, saying what ran, and lists results per version', async () => {
      const spec = { ...twoAgentSpec('Gated'), testPolicy: { requiredPassRate: 0.6 } };
      const { body: created } = await api.post('/api/flows', spec);
      const id = created.flow.id as string;

      const untested = await api.post(`/api/flows/${id}/publish`, { note: 'first' });
      expect(untested.status).toBe(409);
      expect(untested.body.error).toMatchObject({ code: 'tests_required', requiredPassRate: 0.6 });
      expect(untested.body.error.message).toMatch(
        /requires 60% of its tests to pass .* run the tests on this draft first/,
      );

      // The draft as the scenario route snapshots it, with a run of 1 of 3 passing.
      const tested = await versions.snapshot(id, 'test call');
      await testRuns.record(tested.id, { passed: 1, total: 3, results: { results: [], simulations: [] } });
      const below = await api.post(`/api/flows/${id}/publish`, { note: 'first' });
      expect(below.status).toBe(409);
      expect(below.body.error.message).toContain('the latest run on this draft passed 1 of 3 (33%)');

      await testRuns.record(tested.id, { passed: 2, total: 3, results: { results: [], simulations: [] } });
      const published = await api.post(`/api/flows/${id}/publish`, { note: 'first' });
      expect(published.status).toBe(201);

      const listed = (await api.get(`/api/flows/${id}/versions`)).body.versions as {
        number: number;
        kind: string;
        tests: { passed: number; total: number } | null;
      }[];
      expect(listed.map((v) => [v.number, v.kind, v.tests?.passed, v.tests?.total])).toEqual([
        [2, 'published', 2, 3],
        [1, 'snapshot', 2, 3],
      ]);
    });

    it('rejects a pass rate outside 0..1 with its path', async () => {
      const refused = await api.post('/api/flows', {
        ...twoAgentSpec('Bad rate'),
        testPolicy: { requiredPassRate: 2 },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('invalid_flow_spec');
      expect(JSON.stringify(refused.body.error.issues)).toContain('testPolicy.requiredPassRate');
    });
  });
}
