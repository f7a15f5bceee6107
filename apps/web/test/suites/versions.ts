import { describe, expect, it } from 'vitest';
import type { Api } from '../support/http';
import { specWithUnknownEntry, twoAgentSpec } from '../support/specs';

/** Publishing, the live version, rollback and restore. */
export function versionsSuite(api: Api): void {
  describe('versions', () => {
    it('refuses to publish a flow with errors: 422 with issue codes, and no version is created', async () => {
      const { body: created } = await api.post('/api/flows', specWithUnknownEntry('Broken'));
      const id = created.flow.id;
      const refused = await api.post(`/api/flows/${id}/publish`, { note: 'try' });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('flow_has_errors');
      expect(refused.body.error.issues.map((i: { code: string }) => i.code)).toContain('entry_unknown');
      expect((await api.get(`/api/flows/${id}/versions`)).body.versions).toEqual([]);
      expect((await api.get(`/api/flows/${id}/live`)).status).toBe(404);
    });

    it('serves no live version before the first publish, then the published spec', async () => {
      const { body: created } = await api.post('/api/flows', twoAgentSpec('Going live'));
      const id = created.flow.id;
      const before = await api.get(`/api/flows/${id}/live`);
      expect(before.status).toBe(404);
      expect(before.body.error.code).toBe('not_published');
      expect(before.body.error.message).toMatch(/never been published/);

      const published = await api.post(`/api/flows/${id}/publish`, { note: 'first' });
      expect(published.status).toBe(201);
      expect(published.body.version).toMatchObject({ number: 1, kind: 'published', note: 'first', live: true });
      const live = await api.get(`/api/flows/${id}/live`);
      expect(live.status).toBe(200);
      expect(live.body.version.number).toBe(1);
      expect(live.body.version.spec).toEqual(created.flow.draft);
      const summary = (await api.get('/api/flows')).body.flows.find((f: { id: string }) => f.id === id);
      expect(summary).toMatchObject({ liveVersion: { number: 1 }, versionCount: 1 });
    });

    it('rolls the live version back without touching the draft, and restores a version into the draft', async () => {
      const { body: created } = await api.post('/api/flows', twoAgentSpec('History', 'one'));
      const id = created.flow.id;
      expect((await api.post(`/api/flows/${id}/publish`, { note: 'v1' })).status).toBe(201);
      const edited = await api.put(`/api/flows/${id}`, {
        spec: twoAgentSpec('History', 'two'),
        revision: created.flow.revision,
      });
      expect((await api.post(`/api/flows/${id}/publish`)).status).toBe(201);
      expect((await api.get(`/api/flows/${id}/live`)).body.version.spec.description).toBe('two');

      const version1 = await api.get(`/api/flows/${id}/versions/1`);
      expect(version1.status).toBe(200);
      expect(version1.body.version.spec.description).toBe('one');
      expect((await api.get(`/api/flows/${id}/versions/3`)).status).toBe(404);
      expect((await api.get(`/api/flows/${id}/versions/first`)).status).toBe(400);

      const rolledBack = await api.post(`/api/flows/${id}/rollback`, { number: 1 });
      expect(rolledBack.status).toBe(200);
      expect(rolledBack.body.version).toMatchObject({ number: 1, live: true });
      expect((await api.get(`/api/flows/${id}/live`)).body.version.spec.description).toBe('one');
      expect((await api.get(`/api/flows/${id}`)).body.flow.draft.description).toBe('two');
      expect((await api.post(`/api/flows/${id}/rollback`, { number: 9 })).status).toBe(404);

      const revision = edited.body.flow.revision;
      const stale = await api.post(`/api/flows/${id}/restore`, { number: 1, revision: revision - 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('revision_conflict');
      const restored = await api.post(`/api/flows/${id}/restore`, { number: 1, revision });
      expect(restored.status).toBe(200);
      expect(restored.body.flow.revision).toBe(revision + 1);
      expect(restored.body.flow.draft.description).toBe('one');
      expect((await api.get(`/api/flows/${id}`)).body.flow.draft.description).toBe('one');
    });
  });
}
