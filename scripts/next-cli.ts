import { createRequire } from 'node:module';

/** Path of Next's command-line entry, resolved from the web app. */
export const nextCli = createRequire(new URL('../apps/web/package.json', import.meta.url)).resolve(
  'next/dist/bin/next',
);
