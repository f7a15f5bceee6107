/**
 * The runtime's build: esbuild bundles apps/runtime's entry points with our workspace packages
 * into JavaScript under apps/runtime/dist (npm packages stay external and load from
 * node_modules), so production (`npm start`, Docker) and every call process run plain Node, no
 * TypeScript loader. `npm run build:runtime` builds; `npm start` builds only when stale.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { newestMtime } from './newest-mtime';

const root = join(import.meta.dirname, '..');
export const runtimeDist = join(root, 'apps', 'runtime', 'dist');
/** Written last: its time is the build's, its absence means no complete build. */
const stamp = join(runtimeDist, 'build-stamp.json');

/** Output name -> source. call-child, scenario-child, replay-child and the turn-model worker are started by path at run time. */
const entryPoints = {
  main: 'apps/runtime/src/main.ts',
  'call-child': 'apps/runtime/src/isolation/call-child.ts',
  'scenario-child': 'apps/runtime/src/scenarios/scenario-child.ts',
  'replay-child': 'apps/runtime/src/recordings/replay-child.ts',
  'turn-model-worker': 'packages/engine/src/providers/turn/worker-host.ts',
};
/** Everything the build is made from. */
const sources = [
  'apps/runtime/src',
  'packages/engine/src',
  'packages/db/src',
  'packages/calls/src',
  'scripts/runtime-build.ts',
  'package-lock.json',
];

/**
 * npm packages stay external (native bindings, WASM and model files load from node_modules as
 * from source); our workspace packages (`@parley/*`) and relative imports are bundled.
 */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@parley/') || args.path.startsWith('node:')
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

/**
 * Code that finds files next to itself (`new URL('../data', import.meta.url)`, createRequire)
 * keeps finding them: in every bundled module `import.meta.url` becomes its source file's URL,
 * computed relative to the bundle, so the build moves with the repository.
 */
const sourceFileUrls: Plugin = {
  name: 'source-file-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      // dist.<pid>.new sits at dist's depth, so the path holds once it is renamed to dist.
      const fromDist = relative(runtimeDist, args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * The turn-model worker starts from a file: from source a tsx-registering .mjs, in the build the
 * bundled turn-model-worker.js beside the call process (replaces worker-entry-url.ts).
 */
const builtTurnWorker: Plugin = {
  name: 'built-turn-worker',
  setup(b) {
    b.onResolve({ filter: /\/worker-entry-url$/ }, () => ({ path: 'worker-entry-url', namespace: 'built' }));
    b.onLoad({ filter: /.*/, namespace: 'built' }, () => ({
      contents: "export const turnWorkerEntry = new URL('./turn-model-worker.js', import.meta.url);",
      loader: 'ts',
    }));
  },
};

/** True when no complete build exists or a source changed since it was made. */
export function runtimeBuildIsStale(): boolean {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return sources.some((source) => existsSync(join(root, source)) && newestMtime(join(root, source)) > built);
}

/**
 * Bundles the runtime into apps/runtime/dist; throws when esbuild reports errors. The build is
 * made beside dist and swapped in whole, so a runtime running meanwhile never forks a half-written one.
 */
export async function buildRuntime(): Promise<void> {
  const fresh = `${runtimeDist}.${process.pid}.new`;
  const old = `${runtimeDist}.${process.pid}.old`;
  rmSync(fresh, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir: fresh,
    bundle: true,
    // Shared code in chunks, and lazily imported modules (the LiveKit room transport with its
    // native binding) in chunks of their own, loaded only when used.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [externalPackages, builtTurnWorker, sourceFileUrls],
  });
  writeFileSync(join(fresh, 'build-stamp.json'), `${JSON.stringify({ builtAt: new Date().toISOString() })}\n`);
  if (existsSync(runtimeDist)) renameSync(runtimeDist, old);
  renameSync(fresh, runtimeDist);
  rmSync(old, { recursive: true, force: true });
}

/** Builds the runtime unless a build newer than every source exists. */
export async function ensureRuntimeBuild(): Promise<void> {
  if (!runtimeBuildIsStale()) return;
  console.log('parley: building the runtime (esbuild -> apps/runtime/dist)...');
  await buildRuntime();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  await buildRuntime();
  console.log(`runtime built into ${relative(root, runtimeDist)} in ${Math.round(performance.now() - started)} ms`);
}
