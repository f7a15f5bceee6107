import { describe, expect, it } from 'vitest';
import type { Api } from '../support/http';
import { specWithUnknownEntry, twoAgentSpec } from '../support/specs';

/** Creating, reading, saving, duplicating and deleting flows. */
export function flowsCrudSuite(api: Api): void {
  describe('flows CRUD', () => {
    it('creates a blank one-agent flow from a name and lists it', async () => {
      const created = await api.post('/api/flows', { name: 'Front desk' });
      expect(created.status).toBe(201);
      expect(created.body.flow.name).toBe('Front desk');
      expect(created.body.flow.draft.agents).toHaveLength(1);
      expect(created.body.flow.draft.entryAgentId).toBe(created.body.flow.draft.agents[0].id);
      expect(created.body.issues).toEqual([]);

      const list = await api.get('/api/flows');
      expect(list.status).toBe(200);
      const summary = list.body.flows.find((f: { id: string }) => f.id === created.body.flow.id);
      expect(summary).toMatchObject({ name: 'Front desk', liveVersion: null, versionCount: 0 });
    });

    it('creates a flow from a FlowSpec and returns its draft with defaults filled', async () => {
      const created = await api.post('/api/flows', twoAgentSpec('Two agents', 'reception and billing'));
      expect(created.status).toBe(201);
      const fetched = await api.get(`/api/flows/${created.body.flow.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body.flow.draft).toEqual(created.body.flow.draft);
      expect(fetched.body.flow.draft.edges[0].contextPolicy).toBe('full');
      expect(fetched.body.flow.draft.description).toBe('reception and billing');
    });

    it('refuses a create body that is neither { name } nor a FlowSpec', async () => {
      const blank = await api.post('/api/flows', { name: '' });
      expect(blank.status).toBe(400);
      expect(blank.body.error.code).toBe('invalid_request');
      const notSpec = await api.post('/api/flows', { name: 'x', agents: 'many' });
      expect(notSpec.status).toBe(422);
      expect(notSpec.body.error.code).toBe('invalid_flow_spec');
    });

    it('saves a draft, bumping the revision, and keeps semantic errors as issues', async () => {
      const { body: created } = await api.post('/api/flows', twoAgentSpec('Saving'));
      const revision = created.flow.revision;
      const saved = await api.put(`/api/flows/${created.flow.id}`, {
        spec: specWithUnknownEntry('Saving'),
        revision,
      });
      expect(saved.status).toBe(200);
      expect(saved.body.flow.revision).toBe(revision + 1);
      expect(saved.body.issues.map((i: { code: string }) => i.code)).toContain('entry_unknown');
      const fetched = await api.get(`/api/flows/${created.flow.id}`);
      expect(fetched.body.flow.draft.entryAgentId).toBe('nobody');
      expect(fetched.body.flow.revision).toBe(revision + 1);
    });

    it('refuses a draft that is not a FlowSpec with 422 and issue paths, and a bad envelope with 400', async () => {
      const { body: created } = await api.post('/api/flows', twoAgentSpec('Guarded'));
      const id = created.flow.id;
      const notSpec = await api.put(`/api/flows/${id}`, {
        spec: { ...twoAgentSpec('Guarded'), agents: [{ id: 'a' }] },
        revision: created.flow.revision,
      });
      expect(notSpec.status).toBe(422);
      expect(notSpec.body.error.code).toBe('invalid_flow_spec');
      expect(notSpec.body.error.issues.map((i: { target: { path: string } }) => i.target.path)).toContain(
        'agents.0.name',
      );
      const noRevision = await api.put(`/api/flows/${id}`, { spec: twoAgentSpec('Guarded') });
      expect(noRevision.status).toBe(400);
      expect(noRevision.body.error).toMatchObject({ code: 'invalid_request' });
      expect(noRevision.body.error.issues[0].path).toBe('revision');
      const unchanged = await api.get(`/api/flows/${id}`);
      expect(unchanged.body.flow.revision).toBe(created.flow.revision);
    });

    it('answers 409 to a save based on a stale revision and leaves the draft untouched', async () => {
      const { body: created } = await api.post('/api/flows', twoAgentSpec('Stale'));
      const id = created.flow.id;
      const first = await api.put(`/api/flows/${id}`, {
        spec: twoAgentSpec('Stale', 'first edit'),
        revision: created.flow.revision,
      });
      expect(first.status).toBe(200);
      const stale = await api.put(`/api/flows/${id}`, {
        spec: twoAgentSpec('Stale', 'lost edit'),
        revision: created.flow.revision,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'revision_conflict', currentRevision: first.body.flow.revision });
      const fetched = await api.get(`/api/flows/${id}`);
      expect(fetched.body.flow.draft.description).toBe('first edit');
      expect(fetched.body.flow.revision).toBe(first.body.flow.revision);
    });

    it('duplicates a flow into a new one with the same draft', async () => {
      const { body: created } = await api.post('/api/flows', twoAgentSpec('Original'));
      const copy = await api.post(`/api/flows/${created.flow.id}/duplicate`);
      expect(copy.status).toBe(201);
      expect(copy.body.flow.id).not.toBe(created.flow.id);
      expect(copy.body.flow.draft.agents).toEqual(created.flow.draft.agents);
      const named = await api.post(`/api/flows/${created.flow.id}/duplicate`, { name: 'Renamed copy' });
      expect(named.status).toBe(201);
      expect(named.body.flow.name).toBe('Renamed copy');
    });

    it('deletes a flow, after which it is gone', async () => {
      const { body: created } = await api.post('/api/flows', { name: 'Doomed' });
      const id = created.flow.id;
      expect((await api.del(`/api/flows/${id}`)).status).toBe(204);
      const after = await api.get(`/api/flows/${id}`);
      expect(after.status).toBe(404);
      expect(after.body.error.code).toBe('not_found');
      expect((await api.del(`/api/flows/${id}`)).status).toBe(404);
      const list = await api.get('/api/flows');
      expect(list.body.flows.some((f: { id: string }) => f.id === id)).toBe(false);
    });

    it('serves the app shell at /', async () => {
      const page = await api.page('/');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>Parley</title>');
    });
  });
}
