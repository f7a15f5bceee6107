import { ensureRuntimeBuild } from '../scripts/runtime-build';

/** Vitest global setup: the runtime's build (what call processes run) is up to date before its tests. */
export default async function setup(): Promise<void> {
  await ensureRuntimeBuild();
}
