import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nextCli } from './next-cli';

const sources = [
  'apps/web/app',
  'apps/web/src',
  'packages/engine/src/flow',
  'packages/engine/src/templates',
  'packages/db/src',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'generated') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Builds the web app (`next build`) unless a build newer than every source file exists. */
export async function ensureWebBuild(): Promise<void> {
  const buildId = 'apps/web/.next/BUILD_ID';
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (built > Math.max(...sources.map(newestMtime))) return;
  console.log('parley: building the web app (next build)...');
  const result = spawnSync(process.execPath, [nextCli, 'build'], {
    cwd: 'apps/web',
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed; see the output above');
}
