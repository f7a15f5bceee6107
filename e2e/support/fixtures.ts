import { test as base, expect, request as playwrightRequest } from '@playwright/test';
import { e2eAdmin } from './admin-account';

interface Fixtures {
  /** Declares a console error the test expects (e.g. the browser logging a 409 it provoked). */
  allowConsoleError: (pattern: RegExp) => void;
}

/** A signed-in admin: the cookies for the browser and the CSRF token for API calls. */
interface AdminSession {
  storageState: Awaited<ReturnType<import('@playwright/test').APIRequestContext['storageState']>>;
  csrfToken: string;
}

function baseUrl(): string {
  const url = process.env.PARLEY_E2E_BASE_URL;
  if (!url) throw new Error('PARLEY_E2E_BASE_URL is not set: run through playwright.config.ts');
  return url;
}

/**
 * Tests run against the server global setup started, signed in as the seeded admin (once per
 * worker, through the real sign-in API), and fail on any unexpected console error.
 */
export const test = base.extend<Fixtures, { adminSession: AdminSession }>({
  baseURL: async ({}, use) => use(baseUrl()),
  adminSession: [
    async ({}, use) => {
      const context = await playwrightRequest.newContext({ baseURL: baseUrl() });
      const response = await context.post('/api/auth/signin', { data: e2eAdmin });
      expect(response.status(), 'seeded admin signs in').toBe(200);
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      const storageState = await context.storageState();
      await context.dispose();
      await use({ storageState, csrfToken });
    },
    { scope: 'worker' },
  ],
  storageState: async ({ adminSession }, use) => use(adminSession.storageState),
  // The API client of a test sends the token on its state changes, as the app's pages do (pages
  // read their own token from the cookie, so the browser context gets no extra header).
  request: async ({ playwright, adminSession }, use) => {
    const context = await playwright.request.newContext({
      baseURL: baseUrl(),
      storageState: adminSession.storageState,
      extraHTTPHeaders: { 'x-csrf-token': adminSession.csrfToken },
    });
    await use(context);
    await context.dispose();
  },
  allowConsoleError: [
    async ({ context }, use) => {
      const allowed: RegExp[] = [];
      const errors: string[] = [];
      const watch = (page: import('@playwright/test').Page) => {
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use((pattern) => allowed.push(pattern));
      const unexpected = errors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
      expect(unexpected, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
