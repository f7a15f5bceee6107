import { createTestDatabase, type TestDatabase } from '@parley/test-support/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/http';
import { type NextServer, startApp } from '../support/next-server';

/** First run on an empty database: /setup needs the one-time code the server printed. */
export function setupSuite(): void {
  let database: TestDatabase;
  let server: NextServer;

  beforeAll(async () => {
    database = await createTestDatabase(process.env.DATABASE_URL as string, 'parley_setup');
    server = await startApp(database.url, { PARLEY_ADMIN_EMAIL: '', PARLEY_ADMIN_PASSWORD: '' });
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  describe('first-run setup', () => {
    it('is refused without the code the server printed, then creates the admin with it, once', async () => {
      const code = /Parley setup code: (\S+)/.exec(server.output())?.[1];
      expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      const visitor = client(() => server.url);
      const account = { email: 'first@example.com', password: 'a long first password' };

      const withoutCode = await visitor.post('/api/auth/setup', account);
      expect(withoutCode.status).toBe(400);
      const wrongCode = await visitor.post('/api/auth/setup', { ...account, setupCode: 'AAAAA-AAAAA-AAAAA' });
      expect(wrongCode.status).toBe(403);
      expect(wrongCode.body.error.code).toBe('setup_code_invalid');
      expect(wrongCode.body.error.message).toMatch(/Parley setup code/);

      // Case and spacing do not matter: people retype codes.
      const created = await visitor.post('/api/auth/setup', { ...account, setupCode: ` ${code?.toLowerCase()} ` });
      expect(created.status).toBe(201);
      expect((await visitor.get('/api/auth/session')).body.user.email).toBe(account.email);

      const again = await client(() => server.url).post('/api/auth/setup', {
        email: 'second@example.com',
        password: 'another long password',
        setupCode: code,
      });
      expect(again.status).toBe(409);
    });
  });
}
