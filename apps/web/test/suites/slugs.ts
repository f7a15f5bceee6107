import { audit } from '@parley/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../support/accounts';
import { type Api, client } from '../support/http';
import { twoAgentSpec } from '../support/specs';

/** Flow slugs (PUT /api/flows/:id/slug) and the workspace slug (PUT /api/workspace/slug). */
export function slugsSuite(base: () => string): void {
  describe('slugs', () => {
    let owner: TestAccount;
    let api: Api;
    let member: Api;
    let stranger: Api;
    const unique = `ws-${Date.now().toString(36)}`;

    beforeAll(async () => {
      owner = await createAccount();
      const memberAccount = await createAccount({ workspaceId: owner.workspaceId, role: 'member' });
      const outsider = await createAccount();
      api = client(base);
      member = client(base);
      stranger = client(base);
      await api.signIn(owner.email, owner.password);
      await member.signIn(memberAccount.email, memberAccount.password);
      await stranger.signIn(outsider.email, outsider.password);
    });

    it('sets, reads and clears a flow slug, and records it in the audit log', async () => {
      const flowId = (await api.post('/api/flows', twoAgentSpec('Front desk'))).body.flow.id;
      expect((await api.get(`/api/flows/${flowId}/slug`)).body).toEqual({ slug: null, workspaceSlug: null });
      const set = await api.put(`/api/flows/${flowId}/slug`, { slug: 'front-desk' });
      expect(set.status).toBe(200);
      expect(set.body.slug).toBe('front-desk');
      expect((await api.get(`/api/flows/${flowId}/slug`)).body.slug).toBe('front-desk');
      const entries = await audit.list(owner.workspaceId);
      expect(entries[0]).toMatchObject({ action: 'flow_slug_set', flowId, target: 'front-desk' });
      expect((await api.put(`/api/flows/${flowId}/slug`, { slug: null })).body.slug).toBeNull();
      expect((await api.get(`/api/flows/${flowId}/slug`)).body.slug).toBeNull();
    });

    it('refuses an invalid slug with 422 and a taken one with 409, each with the message', async () => {
      const first = (await api.post('/api/flows', twoAgentSpec('First'))).body.flow.id;
      const second = (await api.post('/api/flows', twoAgentSpec('Second'))).body.flow.id;
      for (const slug of ['Front Desk', '-dash', 'a'.repeat(65), '']) {
        const reply = await api.put(`/api/flows/${first}/slug`, { slug });
        expect(reply.status, slug).toBe(422);
        expect(reply.body.error).toMatchObject({ code: 'slug_invalid', field: 'slug' });
        expect(reply.body.error.message).toContain('is not a valid slug');
      }
      expect((await api.put(`/api/flows/${first}/slug`, { slug: 'sales' })).status).toBe(200);
      const taken = await api.put(`/api/flows/${second}/slug`, { slug: 'sales' });
      expect(taken.status).toBe(409);
      expect(taken.body.error.code).toBe('slug_taken');
      expect(taken.body.error.message).toBe('Another flow of this workspace already uses the slug "sales"');
      // The same slug in another workspace is fine: flow slugs are unique per workspace.
      const theirs = (await stranger.post('/api/flows', twoAgentSpec('Theirs'))).body.flow.id;
      expect((await stranger.put(`/api/flows/${theirs}/slug`, { slug: 'sales' })).status).toBe(200);
      expect((await api.put(`/api/flows/${first}/slug`, { name: 'sales' })).status).toBe(400);
      expect((await stranger.put(`/api/flows/${first}/slug`, { slug: 'mine-now' })).status).toBe(404);
      expect((await stranger.get(`/api/flows/${first}/slug`)).status).toBe(404);
    });

    it('lets admins set the workspace slug, shows it to members, and refuses a taken one', async () => {
      expect((await member.put('/api/workspace/slug', { slug: unique })).status).toBe(403);
      const set = await api.put('/api/workspace/slug', { slug: unique });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ slug: unique });
      expect((await member.get('/api/workspace/slug')).body).toEqual({ slug: unique });
      const flowId = (await api.post('/api/flows', twoAgentSpec('Dispatch target'))).body.flow.id;
      expect((await api.get(`/api/flows/${flowId}/slug`)).body.workspaceSlug).toBe(unique);

      const invalid = await stranger.put('/api/workspace/slug', { slug: 'No Spaces' });
      expect(invalid.status).toBe(422);
      expect(invalid.body.error.code).toBe('slug_invalid');
      const taken = await stranger.put('/api/workspace/slug', { slug: unique });
      expect(taken.status).toBe(409);
      expect(taken.body.error).toMatchObject({
        code: 'slug_taken',
        message: `Another workspace already uses the slug "${unique}"`,
      });
      expect((await stranger.get('/api/workspace/slug')).body).toEqual({ slug: null });
      expect((await api.put('/api/workspace/slug', { slug: null })).body).toEqual({ slug: null });
    });
  });
}
