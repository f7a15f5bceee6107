import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestMtime } from './newest-mtime';
import { nextCli } from './next-cli';

const root = join(import.meta.dirname, '..');
const webDir = join(root, 'apps', 'web');
/** Everything the web build is made from. */
const sources = [
  'apps/web/app',
  'apps/web/src',
  'apps/web/next.config.ts',
  'packages/engine/src',
  'packages/db/src',
  'packages/calls/src',
];

/** True when the web build in `distDir` (relative to apps/web) is missing or older than a source. */
export function webBuildIsStale(distDir = '.next'): boolean {
  const buildId = join(webDir, distDir, 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return sources.some((source) => existsSync(join(root, source)) && newestMtime(join(root, source)) > built);
}

/** Runs `next build` into `distDir` (relative to apps/web); throws when it fails. */
export function buildWeb(distDir = '.next'): void {
  const result = spawnSync(process.execPath, [nextCli, 'build'], {
    cwd: webDir,
    stdio: 'inherit',
    env: { ...process.env, PARLEY_WEB_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed; see the output above');
}

/** Builds the web app (`next build`) unless a build newer than every source file exists. */
export async function ensureWebBuild(): Promise<void> {
  if (!webBuildIsStale()) return;
  console.log('parley: building the web app (next build)...');
  buildWeb();
}
