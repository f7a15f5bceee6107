import { test as base, expect } from '@playwright/test';

interface Fixtures {
  /** Declares a console error the test expects (e.g. the browser logging a 409 it provoked). */
  allowConsoleError: (pattern: RegExp) => void;
}

/** Tests run against the server global setup started, and fail on any unexpected console error. */
export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => {
    const url = process.env.PARLEY_E2E_BASE_URL;
    if (!url) throw new Error('PARLEY_E2E_BASE_URL is not set: run through playwright.config.ts');
    await use(url);
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
