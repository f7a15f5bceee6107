import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveKitTwirpDouble, startLiveKitTwirpDouble } from '../doubles/livekit-twirp';
import { createAccount, type TestAccount } from '../support/accounts';
import { type Api, client, type Reply } from '../support/http';
import { type NextServer, startApp } from '../support/next-server';
import { twoAgentSpec } from '../support/specs';

const API_KEY = 'APIlimits';
const API_SECRET = 'livekit-limits-secret-0123456789abcdef0123';

const codes = (replies: Reply[]) => replies.map((r) => r.status).sort();

/**
 * Limits hold across web processes: two more `next start` processes on the same database,
 * requests spread over both. Calls go through LiveKit (a local server speaking its Twirp API),
 * so no runtime is needed to admit them.
 */
export function limitsSuite(): void {
  let livekit: LiveKitTwirpDouble;
  const servers: NextServer[] = [];
  let owner: TestAccount;
  let a: Api;
  let b: Api;

  beforeAll(async () => {
    const databaseUrl = process.env.DATABASE_URL as string;
    livekit = await startLiveKitTwirpDouble(API_KEY, API_SECRET);
    const env = {
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: API_KEY,
      LIVEKIT_API_SECRET: API_SECRET,
      PARLEY_SECRET: 'limits-test-secret-0123456789abcdef',
      // Nothing listens here: a scenario run that passes its limit fails fast with 503.
      RUNTIME_PUBLIC_URL: 'ws://127.0.0.1:9',
    };
    servers.push(...(await Promise.all([startApp(databaseUrl, env), startApp(databaseUrl, env)])));
    owner = await createAccount();
    a = client(() => servers[0]?.url ?? '');
    b = client(() => servers[1]?.url ?? '');
    await a.signIn(owner.email, owner.password);
    await b.signIn(owner.email, owner.password);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await livekit?.close();
  });

  describe('limits across several web processes', () => {
    it('7 simultaneous test-call starts over two processes against a cap of 5: exactly 5 admitted', async () => {
      const flowId = (await a.post('/api/flows', twoAgentSpec('Racing calls'))).body.flow.id as string;
      await a.post(`/api/flows/${flowId}/publish`, { note: 'v1' });
      const replies = await Promise.all(
        Array.from({ length: 7 }, (_, i) => (i % 2 ? b : a).post(`/api/flows/${flowId}/calls`, { version: 1 })),
      );
      expect(codes(replies)).toEqual([201, 201, 201, 201, 201, 429, 429]);
      for (const refused of replies.filter((r) => r.status === 429)) {
        expect(refused.body.error.code).toBe('too_many_calls');
      }
      expect((await a.get(`/api/flows/${flowId}/calls`)).body.calls).toHaveLength(5);
    });

    it('scenario runs are limited per workspace over both processes: the 11th in a minute is 429', async () => {
      const flowId = (await a.post('/api/flows', twoAgentSpec('Scenario runs'))).body.flow.id as string;
      const run = (api: Api) => api.post(`/api/flows/${flowId}/scenarios/run`, {});
      const first = await Promise.all(Array.from({ length: 10 }, (_, i) => run(i % 2 ? b : a)));
      for (const reply of first) expect(reply.status).not.toBe(429);
      const eleventh = await run(b);
      expect(eleventh.status).toBe(429);
      expect(eleventh.body.error.code).toBe('rate_limited');
    });

    it('an attacker gets 429 while the owner signs in from another address and ordinary requests answer', async () => {
      const attacker = '203.0.113.50';
      const anonymous = [client(() => servers[0]?.url ?? ''), client(() => servers[1]?.url ?? '')];
      const attack = Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (anonymous[i % 2] as Api).send(
            'POST',
            '/api/auth/signin',
            { email: owner.email, password: `guess-${i}` },
            { forwardedFor: attacker },
          ),
        ),
      );
      // While the attack runs, a signed-in request is served (hashing is bounded and queued).
      const ordinary = await a.get('/api/flows');
      expect(ordinary.status).toBe(200);
      const attempts = await attack;
      expect(codes(attempts)).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);

      const ownerSignIn = await anonymous[1]?.send(
        'POST',
        '/api/auth/signin',
        { email: owner.email, password: owner.password },
        { forwardedFor: '198.51.100.20' },
      );
      expect(ownerSignIn?.status).toBe(200);
      // The attacker is still limited, even with the right password.
      const stillLimited = await anonymous[0]?.send(
        'POST',
        '/api/auth/signin',
        { email: owner.email, password: owner.password },
        { forwardedFor: attacker },
      );
      expect(stillLimited?.status).toBe(429);
    });

    it('an address trying unknown emails is limited for every email, so the limit tells nothing', async () => {
      const prober = '203.0.113.77';
      const other = await createAccount();
      const anonymous = client(() => servers[0]?.url ?? '');
      for (let i = 0; i < 10; i++) {
        const reply = await anonymous.send(
          'POST',
          '/api/auth/signin',
          { email: `nobody-${i}-${Date.now()}@example.com`, password: 'whatever-pw' },
          { forwardedFor: prober },
        );
        expect(reply.status).toBe(401);
      }
      const known = await client(() => servers[1]?.url ?? '').send(
        'POST',
        '/api/auth/signin',
        { email: other.email, password: other.password },
        { forwardedFor: prober },
      );
      expect(known.status).toBe(429);
      const elsewhere = await client(() => servers[1]?.url ?? '').send(
        'POST',
        '/api/auth/signin',
        { email: other.email, password: other.password },
        { forwardedFor: '198.51.100.21' },
      );
      expect(elsewhere.status).toBe(200);
    });
  });
}
