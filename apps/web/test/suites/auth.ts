import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { forWorkspace } from '@parley/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../support/accounts';
import { type Api, client } from '../support/http';
import { apiRoutePaths, routeFile } from '../support/route-files';
import { twoAgentSpec } from '../support/specs';

/** Routes anyone may call: they are how a session starts. */
const publicRoutes = ['/api/auth/setup', '/api/auth/signin'];

function concrete(path: string): string {
  return path
    .replace('[id]', '00000000-0000-4000-8000-000000000000')
    .replace('[number]', '1')
    .replace('[name]', 'SOME_SECRET');
}

function exportedMethods(path: string): string[] {
  const source = readFileSync(routeFile(path), 'utf8');
  return [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] as string);
}

/** Sessions, CSRF, workspaces, rate limits and secrets, through the real server. */
export function authSuite(base: () => string, serverOutput: () => string): void {
  describe('without a session', () => {
    it('every API route (found by walking app/api) answers 401 unauthenticated', async () => {
      const anonymous = client(base);
      const routes = apiRoutePaths().filter((path) => !publicRoutes.includes(path));
      expect(routes).toEqual(expect.arrayContaining(['/api/flows', '/api/flows/[id]', '/api/secrets']));
      for (const path of routes) {
        const methods = exportedMethods(path);
        expect(methods.length, path).toBeGreaterThan(0);
        for (const method of methods) {
          const reply = await anonymous.send(method, concrete(path), method === 'GET' ? undefined : {});
          expect(reply.status, `${method} ${path}`).toBe(401);
          expect(reply.body.error.code, `${method} ${path}`).toBe('unauthenticated');
        }
      }
    });

    it('a forged or stale session cookie is no session', async () => {
      const reply = await fetch(`${base()}/api/flows`, { headers: { cookie: 'parley_session=forged' } });
      expect(reply.status).toBe(401);
    });

    it('pages redirect to sign-in', async () => {
      const reply = await fetch(`${base()}/`, { redirect: 'manual' });
      expect(reply.status).toBeGreaterThanOrEqual(300);
      expect(reply.status).toBeLessThan(400);
      expect(reply.headers.get('location')).toMatch(/\/signin$/);
    });

    it('setup is refused once users exist', async () => {
      const reply = await client(base).send('POST', '/api/auth/setup', {
        email: 'late@example.com',
        password: 'long enough password',
      });
      expect(reply.status).toBe(409);
      expect(reply.body.error.code).toBe('setup_done');
    });
  });

  describe('with a session', () => {
    let owner: TestAccount;
    let stranger: TestAccount;
    let ownerApi: Api;
    let strangerApi: Api;
    beforeAll(async () => {
      owner = await createAccount();
      stranger = await createAccount();
      ownerApi = client(base);
      strangerApi = client(base);
      await ownerApi.signIn(owner.email, owner.password);
      await strangerApi.signIn(stranger.email, stranger.password);
    });

    it('state changes without the CSRF token, or from another origin, are refused and change nothing', async () => {
      const before = (await ownerApi.get('/api/flows')).body.flows.length;
      const noToken = await ownerApi.send('POST', '/api/flows', { name: 'Forged' }, { csrf: false });
      expect(noToken.status).toBe(403);
      expect(noToken.body.error.code).toBe('csrf_failed');
      const otherOrigin = await ownerApi.send(
        'POST',
        '/api/flows',
        { name: 'Forged' },
        { origin: 'https://evil.example' },
      );
      expect(otherOrigin.status).toBe(403);
      expect((await ownerApi.get('/api/flows')).body.flows.length).toBe(before);
      expect((await ownerApi.post('/api/flows', { name: 'Real' })).status).toBe(201);
    });

    it("another workspace's flow is 404 on every route, and missing from its list", async () => {
      const created = await ownerApi.post('/api/flows', twoAgentSpec('Owned'));
      const id = created.body.flow.id as string;
      expect((await ownerApi.post(`/api/flows/${id}/publish`, { note: 'v1' })).status).toBe(201);
      const attempts: [string, string, unknown?][] = [
        ['GET', `/api/flows/${id}`],
        ['PUT', `/api/flows/${id}`, { spec: twoAgentSpec('Taken'), revision: 1 }],
        ['DELETE', `/api/flows/${id}`],
        ['POST', `/api/flows/${id}/duplicate`, {}],
        ['POST', `/api/flows/${id}/publish`, { note: 'x' }],
        ['GET', `/api/flows/${id}/versions`],
        ['GET', `/api/flows/${id}/versions/1`],
        ['POST', `/api/flows/${id}/rollback`, { number: 1 }],
        ['POST', `/api/flows/${id}/restore`, { number: 1, revision: 1 }],
        ['GET', `/api/flows/${id}/live`],
        ['GET', `/api/flows/${id}/export`],
        ['GET', `/api/flows/${id}/calls`],
      ];
      for (const [method, path, body] of attempts) {
        const reply = await strangerApi.send(method, path, body);
        expect(reply.status, `${method} ${path}`).toBe(404);
        expect(reply.body.error.code).toBe('not_found');
      }
      const listed = (await strangerApi.get('/api/flows')).body.flows as { id: string }[];
      expect(listed.map((f) => f.id)).not.toContain(id);
      expect((await ownerApi.get(`/api/flows/${id}`)).body.flow.name).toBe('Owned');
    });

    it('publish, rollback, restore and delete are written to the audit log with who did them', async () => {
      const id = (await ownerApi.post('/api/flows', twoAgentSpec('Audited'))).body.flow.id as string;
      await ownerApi.post(`/api/flows/${id}/publish`, { note: 'v1' });
      await ownerApi.post(`/api/flows/${id}/rollback`, { number: 1 });
      await ownerApi.post(`/api/flows/${id}/restore`, { number: 1, revision: 1 });
      expect((await ownerApi.del(`/api/flows/${id}`)).status).toBe(204);
      const entries = (await ownerApi.get('/api/audit')).body.entries as {
        action: string;
        flowId: string;
        userEmail: string;
      }[];
      const mine = entries.filter((e) => e.flowId === id);
      expect(mine.map((e) => e.action)).toEqual(['delete', 'restore', 'rollback', 'publish']);
      expect(mine.every((e) => e.userEmail === owner.email)).toBe(true);
      expect((await strangerApi.get('/api/audit')).body.entries.some((e: { flowId: string }) => e.flowId === id)).toBe(
        false,
      );
    });

    it('secret values never come back: not in lists, exports, the audit log or the server output', async () => {
      const value = `sk-test-${randomBytes(16).toString('hex')}`;
      expect((await ownerApi.put('/api/secrets/BILLING_TOKEN', { value })).status).toBe(204);
      const listed = await ownerApi.get('/api/secrets');
      expect(listed.body.secrets.map((s: { name: string }) => s.name)).toContain('BILLING_TOKEN');
      const spec = twoAgentSpec('With secret');
      const withHeader = {
        ...spec,
        agents: spec.agents.map((agent, i) =>
          i === 0
            ? {
                ...agent,
                tools: [
                  {
                    type: 'webhook',
                    name: 'lookup_invoice',
                    url: 'https://billing.example.com/invoices',
                    headers: [{ name: 'authorization', secret: 'BILLING_TOKEN' }],
                  },
                ],
              }
            : agent,
        ),
      };
      const flow = await ownerApi.post('/api/flows', withHeader);
      expect(flow.status).toBe(201);
      const exported = await fetch(`${base()}/api/flows/${flow.body.flow.id}/export`, {
        headers: ownerApi.authHeaders(),
      });
      const exportText = await exported.text();
      expect(exportText).toContain('BILLING_TOKEN');
      const texts = [
        JSON.stringify(listed.body),
        JSON.stringify(flow.body),
        exportText,
        JSON.stringify((await ownerApi.get('/api/audit')).body),
        JSON.stringify((await strangerApi.get('/api/secrets')).body),
      ];
      for (const text of texts) expect(text).not.toContain(value);
      expect(serverOutput()).not.toContain(value);
      // Members of another workspace cannot delete it, and its owner can.
      expect((await strangerApi.del('/api/secrets/BILLING_TOKEN')).status).toBe(404);
      expect((await ownerApi.del('/api/secrets/BILLING_TOKEN')).status).toBe(204);
    });

    it('members may read secrets names but only admins may change them', async () => {
      const member = await createAccount({ workspaceId: owner.workspaceId, role: 'member' });
      const memberApi = client(base);
      await memberApi.signIn(member.email, member.password);
      expect((await memberApi.get('/api/secrets')).status).toBe(200);
      const refused = await memberApi.put('/api/secrets/X', { value: 'v' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    });

    it('a workspace with its maximum of test calls going gets 429 too_many_calls', async () => {
      const flowId = (await ownerApi.post('/api/flows', twoAgentSpec('Busy'))).body.flow.id as string;
      const version = (await ownerApi.post(`/api/flows/${flowId}/publish`, { note: 'v1' })).body.version;
      const repos = forWorkspace(owner.workspaceId);
      for (let i = 0; i < 5; i++) await repos.calls.create({ flowVersionId: version.id, mode: 'local' });
      const refused = await ownerApi.post(`/api/flows/${flowId}/calls`, {});
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('too_many_calls');
      // The stranger's workspace is not affected by the owner's calls (its call fails later, on the runtime).
      expect((await strangerApi.post(`/api/flows/${flowId}/calls`, {})).status).toBe(404);
    });

    it('sign-out ends the session on the server, not just in the browser', async () => {
      const account = await createAccount();
      const api = client(base);
      await api.signIn(account.email, account.password);
      const cookie = api.cookie();
      expect((await api.send('POST', '/api/auth/signout')).status).toBe(204);
      const reply = await fetch(`${base()}/api/flows`, { headers: { cookie } });
      expect(reply.status).toBe(401);
    });
  });

  describe('sign-in', () => {
    it('sets an HttpOnly SameSite=Lax session cookie', async () => {
      const account = await createAccount();
      const reply = await client(base).send('POST', '/api/auth/signin', {
        email: account.email,
        password: account.password,
      });
      expect(reply.status).toBe(200);
      const cookies = reply.headers.getSetCookie();
      expect(cookies.find((c) => c.startsWith('parley_session='))).toMatch(/HttpOnly/);
      expect(cookies.find((c) => c.startsWith('parley_session='))).toMatch(/SameSite=Lax/);
    });

    it('answers 429 after 5 attempts a minute for the same address and email, even with the right password', async () => {
      const account = await createAccount();
      const anonymous = client(base);
      for (let i = 0; i < 5; i++) {
        const wrong = await anonymous.send('POST', '/api/auth/signin', { email: account.email, password: 'wrong' });
        expect(wrong.status).toBe(401);
        expect(wrong.body.error.code).toBe('invalid_credentials');
      }
      const blocked = await anonymous.send('POST', '/api/auth/signin', {
        email: account.email,
        password: account.password,
      });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('rate_limited');
    });

    it('limits an address, not the account: the owner signs in from elsewhere while an attacker is refused', async () => {
      const account = await createAccount();
      const anonymous = client(base);
      for (let i = 0; i < 5; i++) {
        const wrong = await anonymous.send(
          'POST',
          '/api/auth/signin',
          { email: account.email, password: 'wrong' },
          { forwardedFor: '203.0.113.9' },
        );
        expect(wrong.status).toBe(401);
      }
      const owner = await anonymous.send(
        'POST',
        '/api/auth/signin',
        { email: account.email, password: account.password },
        { forwardedFor: '198.51.100.7' },
      );
      expect(owner.status).toBe(200);
    });
  });
}
