import { defineConfig } from 'vitest/config';

/** One runner for the whole repo: each workspace is a project; `npm test` runs them all. */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'engine', root: 'packages/engine', include: ['test/**/*.test.ts'], testTimeout: 30000 } },
      { test: { name: 'calls', root: 'packages/calls', include: ['test/**/*.test.ts'] } },
      {
        test: {
          name: 'cli',
          root: 'packages/cli',
          include: ['test/**/*.test.ts'],
          globalSetup: ['../../test/global-setup.ts'],
          testTimeout: 120000,
        },
      },
      { test: { name: 'espeak', root: 'packages/espeak', include: ['test/**/*.test.js'], testTimeout: 30000 } },
      {
        test: {
          name: 'db',
          root: 'packages/db',
          include: ['test/**/*.test.ts'],
          globalSetup: ['../../test/global-setup.ts'],
          testTimeout: 30000,
        },
      },
      {
        test: {
          name: 'web',
          root: 'apps/web',
          include: ['test/**/*.test.ts'],
          globalSetup: ['../../test/global-setup.ts'],
          testTimeout: 60000,
          hookTimeout: 300000,
        },
      },
      {
        test: {
          name: 'runtime',
          root: 'apps/runtime',
          include: ['test/**/*.test.ts'],
          // The runtime's tests run its TypeScript, but the processes it starts (call processes,
          // the runtime as a process) run the build, as in production: built first when stale.
          globalSetup: ['../../test/global-setup.ts', '../../test/runtime-build-setup.ts'],
          testTimeout: 60000,
        },
      },
      {
        // The README's quick start, run as a new user would: builds the web app, so minutes.
        test: {
          name: 'quickstart',
          root: 'test/quick-start',
          include: ['**/*.test.ts'],
          testTimeout: 600000,
          hookTimeout: 120000,
        },
      },
    ],
  },
});
