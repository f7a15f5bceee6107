import { calls, versions, webhookDeliveries } from '@parley/db';
import { describe, expect, it } from 'vitest';
import { createAccount } from '../support/accounts';
import { type Api, client } from '../support/http';
import { twoAgentSpec } from '../support/specs';

/** Post-call webhook settings (URL, signing secret reveal and rotation) and a call's delivery log. */
export function webhooksSuite(api: Api): void {
  describe('post-call webhooks', () => {
    async function newFlow(name: string): Promise<string> {
      const created = await api.post('/api/flows', twoAgentSpec(name));
      return created.body.flow.id as string;
    }

    it('sets a webhook with a generated whsec_ secret members can reveal, changes its URL keeping the secret, and audits it', async () => {
      const id = await newFlow('Hooked');
      expect((await api.get(`/api/flows/${id}/webhook`)).body).toEqual({ webhook: null });
      expect((await api.get(`/api/flows/${id}/webhook/secret`)).status).toBe(404);

      const set = await api.put(`/api/flows/${id}/webhook`, { url: 'https://hooks.example.com/parley' });
      expect(set.status).toBe(200);
      expect(set.body.webhook).toMatchObject({ url: 'https://hooks.example.com/parley' });
      expect(JSON.stringify(set.body)).not.toContain('whsec_');
      expect((await api.get(`/api/flows/${id}/webhook`)).body.webhook.url).toBe('https://hooks.example.com/parley');

      const revealed = await api.get(`/api/flows/${id}/webhook/secret`);
      expect(revealed.status).toBe(200);
      expect(revealed.headers.get('cache-control')).toBe('no-store');
      const secret = revealed.body.secret as string;
      expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);

      await api.put(`/api/flows/${id}/webhook`, { url: 'http://hooks.example.com/v2' });
      expect((await api.get(`/api/flows/${id}/webhook/secret`)).body.secret).toBe(secret);

      // The secret lives beside the flow, not in it: the export has no trace of it.
      const exported = await api.get(`/api/flows/${id}/export`);
      expect(exported.status).toBe(200);
      expect(JSON.stringify(exported.body)).not.toContain(secret);
      expect(JSON.stringify(exported.body)).not.toContain('hooks.example.com');

      const entries = (await api.get('/api/audit')).body.entries as { action: string; flowId: string }[];
      const actions = entries.filter((entry) => entry.flowId === id).map((entry) => entry.action);
      expect(actions).toEqual(['flow_webhook_set', 'flow_webhook_set']);
      expect(JSON.stringify(entries)).not.toContain(secret);
    });

    it('refuses an unusable URL with 422 saying what is wrong, and a body without url with 400', async () => {
      const id = await newFlow('Bad hooks');
      for (const [url, message] of [
        ['ftp://files.example.com/x', /must be http or https, not ftp/],
        ['hooks.example.com/parley', /is not a URL/],
        ['https://user:pw@hooks.example.com/', /user name or password/],
        [`https://hooks.example.com/${'a'.repeat(2100)}`, /at most 2048 characters/],
      ] as const) {
        const refused = await api.put(`/api/flows/${id}/webhook`, { url });
        expect(refused.status, url).toBe(422);
        expect(refused.body.error.code).toBe('invalid_request');
        expect(refused.body.error.message).toMatch(message);
        expect(refused.body.error.issues).toEqual([{ path: 'url', message: expect.stringMatching(message) }]);
      }
      const missing = await api.put(`/api/flows/${id}/webhook`, {});
      expect(missing.status).toBe(400);
      expect(missing.body.error.issues[0].path).toBe('url');
      expect((await api.get(`/api/flows/${id}/webhook`)).body.webhook).toBeNull();
    });

    it('rotates the signing secret to a new one, and deletes the webhook', async () => {
      const id = await newFlow('Rotated');
      expect((await api.post(`/api/flows/${id}/webhook/rotate`)).status).toBe(404);
      await api.put(`/api/flows/${id}/webhook`, { url: 'https://hooks.example.com/r' });
      const before = (await api.get(`/api/flows/${id}/webhook/secret`)).body.secret;
      const rotated = await api.post(`/api/flows/${id}/webhook/rotate`);
      expect(rotated.status).toBe(200);
      expect(rotated.body.secret).toMatch(/^whsec_/);
      expect(rotated.body.secret).not.toBe(before);
      expect((await api.get(`/api/flows/${id}/webhook/secret`)).body.secret).toBe(rotated.body.secret);

      expect((await api.del(`/api/flows/${id}/webhook`)).status).toBe(204);
      expect((await api.get(`/api/flows/${id}/webhook`)).body.webhook).toBeNull();
      const again = await api.del(`/api/flows/${id}/webhook`);
      expect(again.status).toBe(404);
      expect(again.body.error.code).toBe('not_found');
      const actions = ((await api.get('/api/audit')).body.entries as { action: string; flowId: string }[])
        .filter((entry) => entry.flowId === id)
        .map((entry) => entry.action);
      expect(actions).toEqual(['flow_webhook_delete', 'flow_webhook_set', 'flow_webhook_set']);
    });

    it("lists a call's deliveries with their attempts; another workspace's flow and call are 404", async () => {
      const id = await newFlow('Delivered');
      await api.put(`/api/flows/${id}/webhook`, { url: 'https://hooks.example.com/d' });
      const version = await versions.publish(id, 'hooked');
      const call = await calls.create({ flowVersionId: version.id, mode: 'local' });
      expect((await api.get(`/api/calls/${call.id}/webhooks`)).body).toEqual({ deliveries: [] });
      await calls.markEnded(call.id);
      const [deliveryId] = await webhookDeliveries.enqueueForCalls([call.id]);
      await webhookDeliveries.recordAttempt(
        deliveryId as string,
        { at: new Date().toISOString(), responseStatus: 503, error: 'the receiver answered HTTP 503', ms: 12 },
        { status: 'pending', retryAt: new Date(Date.now() + 60_000) },
      );
      const listed = await api.get(`/api/calls/${call.id}/webhooks`);
      expect(listed.status).toBe(200);
      expect(listed.body.deliveries).toEqual([
        expect.objectContaining({
          id: deliveryId,
          url: 'https://hooks.example.com/d',
          status: 'pending',
          attempts: 1,
          responseStatus: 503,
          lastError: 'the receiver answered HTTP 503',
          log: [expect.objectContaining({ responseStatus: 503, ms: 12 })],
        }),
      ]);

      const stranger = client(api.base);
      const account = await createAccount();
      await stranger.signIn(account.email, account.password);
      const attempts = [
        await stranger.get(`/api/flows/${id}/webhook`),
        await stranger.put(`/api/flows/${id}/webhook`, { url: 'https://evil.example.com/' }),
        await stranger.get(`/api/flows/${id}/webhook/secret`),
        await stranger.post(`/api/flows/${id}/webhook/rotate`),
        await stranger.del(`/api/flows/${id}/webhook`),
        await stranger.get(`/api/calls/${call.id}/webhooks`),
        await stranger.get('/api/calls/not-a-call/webhooks'),
      ];
      for (const attempt of attempts) {
        expect(attempt.status).toBe(404);
        expect(attempt.body.error.code).toBe('not_found');
      }
      expect((await api.get(`/api/flows/${id}/webhook`)).body.webhook.url).toBe('https://hooks.example.com/d');
    });
  });
}
