import { slugs } from '@parley/db';
import { TokenVerifier } from 'livekit-server-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../support/accounts';
import { createFlow } from '../support/call-api';
import { type Api, client, type Reply } from '../support/http';

const SITE = 'https://shop.example.com';

/** What the suite needs of the LiveKit-mode server it runs against. */
export interface EmbedSuiteServer {
  url: () => string;
  livekit: { apiKey: string; apiSecret: string };
}

/** The widget's own request: its publishable key in the body, the browser's Origin. */
async function startWidget(base: string, flow: string, key: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/api/v1/embed/${encodeURIComponent(flow)}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7', ...headers },
    body: JSON.stringify({ key }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null } as Reply;
}

/**
 * The embeddable widget over HTTP: publishable keys (one flow, allowed origins), the widget page's
 * framing headers, and session starts checked by key, flow, Origin and visitor address.
 */
export function embedSuite(server: EmbedSuiteServer): void {
  let api: Api;
  let flowId: string;
  let slug: string;
  let key: string;

  beforeAll(async () => {
    api = client(server.url);
    const admin = await createAccount();
    await api.signIn(admin.email, admin.password);
    flowId = await createFlow(api, 'Widget flow', { publish: true });
    slug = `widget-${Date.now()}`;
    await slugs.setFlowSlug(flowId, slug);
    const created = await api.post('/api/api-keys', {
      name: 'website',
      kind: 'publishable',
      flowIds: [flowId],
      allowedOrigins: [SITE],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.apiKey).toMatchObject({ kind: 'publishable', allowedOrigins: [SITE] });
    key = created.body.key;
  });

  describe('publishable keys', () => {
    it('open exactly one flow, list only origins, and secret keys take no origins', async () => {
      const other = await createFlow(api, 'Second', { publish: false });
      const two = await api.post('/api/api-keys', { name: 'w', kind: 'publishable', flowIds: [flowId, other] });
      expect(two.status).toBe(400);
      expect(JSON.stringify(two.body)).toContain('a publishable key opens exactly one flow');
      const path = await api.post('/api/api-keys', {
        name: 'w',
        kind: 'publishable',
        flowIds: [flowId],
        allowedOrigins: ['https://shop.example.com/checkout'],
      });
      expect(path.status).toBe(400);
      expect(JSON.stringify(path.body)).toContain('allowedOrigins');
      const secret = await api.post('/api/api-keys', { name: 's', flowIds: [flowId], allowedOrigins: [SITE] });
      expect(secret.status).toBe(400);
      expect(JSON.stringify(secret.body)).toContain('only publishable (widget) keys have allowed origins');
    });
  });

  describe('the widget page', () => {
    it('may be framed only by the key’s sites; other pages keep frame-ancestors self', async () => {
      const page = await fetch(`${server.url()}/embed/${slug}?key=${encodeURIComponent(key)}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain(`frame-ancestors ${SITE}`);
      expect(page.headers.get('x-frame-options')).toBeNull();
      const html = await page.text();
      expect(html).toContain('Widget flow');
      expect(html).toContain('Start call');
      expect(html).not.toContain('class="topbar"');

      const keyless = await fetch(`${server.url()}/embed/${slug}`);
      expect(keyless.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(await keyless.text()).toContain('create one for the flow in Settings');

      const app = await fetch(`${server.url()}/signin`);
      expect(app.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(app.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    });
  });

  describe('POST /api/v1/embed/:flow/sessions', () => {
    it('starts a LiveKit session whose dispatch says it came from the widget', async () => {
      const started = await startWidget(server.url(), slug, key, { origin: server.url() });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      const claims = await new TokenVerifier(server.livekit.apiKey, server.livekit.apiSecret).verify(
        started.body.participantToken,
      );
      const agents = (claims.roomConfig as { agents: { metadata: string }[] }).agents;
      expect(JSON.parse(agents[0]?.metadata ?? '')).toEqual({ flowId, variables: {}, source: 'embed' });
    });

    it('accepts the key’s allowed origin and refuses other sites with the fix', async () => {
      expect((await startWidget(server.url(), slug, key, { origin: SITE })).status).toBe(201);
      const elsewhere = await startWidget(server.url(), slug, key, { origin: 'https://evil.example' });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.error.message).toContain('allowed origins');
    });

    it('refuses a missing or unknown key (401), a secret key (401) and another flow (404)', async () => {
      expect((await startWidget(server.url(), slug, 'parley_pk_nope')).status).toBe(401);
      const secret = await api.post('/api/api-keys', { name: 'backend', flowIds: [flowId] });
      expect((await startWidget(server.url(), slug, secret.body.key)).status).toBe(401);
      const other = await createFlow(api, 'Not the widget’s', { publish: true });
      const wrong = await startWidget(server.url(), other, key);
      expect(wrong.status).toBe(404);
      expect(wrong.body.error.message).toContain('does not open flow');
      const empty = await startWidget(server.url(), slug, undefined);
      expect(empty.status).toBe(401);
      expect(empty.body.error.message).toContain('publishable key');
    });

    it('limits each visitor address, not the whole site', async () => {
      const visitor = { 'x-forwarded-for': '203.0.113.9' };
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await startWidget(server.url(), slug, key, visitor)).status);
      expect(statuses.slice(0, 6).every((status) => status === 201)).toBe(true);
      expect(statuses[6]).toBe(429);
      expect((await startWidget(server.url(), slug, key, { 'x-forwarded-for': '203.0.113.10' })).status).toBe(201);
    });

    it('a revoked key stops the widget', async () => {
      const made = await api.post('/api/api-keys', { name: 'old site', kind: 'publishable', flowIds: [flowId] });
      expect((await api.del(`/api/api-keys/${made.body.apiKey.id}`)).status).toBe(200);
      expect((await startWidget(server.url(), slug, made.body.key)).status).toBe(401);
    });
  });
}
