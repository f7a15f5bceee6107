/**
 * Where the turn-model worker thread starts. From source, worker-entry.mjs registers tsx and loads
 * worker-host.ts; the runtime's build (scripts/runtime-build.ts) replaces this module with the
 * bundled worker beside the call process.
 */
export const turnWorkerEntry = new URL('./worker-entry.mjs', import.meta.url);
