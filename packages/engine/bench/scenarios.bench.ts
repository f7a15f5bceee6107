/**
 * The receptionist template's voice scenarios (espeak caller, Silero VAD, PocketSphinx, scripted
 * LLM, espeak agent) on the virtual clock: session time covered per second of wall time
 * (target >= 10x real time). The first round synthesizes the caller's lines; later rounds reuse them.
 */
import { flowSpecSchema } from '../src/flow/schema';
import { receptionistTemplate } from '../src/templates/receptionist';
import { runScenarios } from '../src/testing/scenario-runner';
import { printResults } from './stats';

/** Runs the voice scenarios `rounds` times and returns speed-up numbers. */
export async function runScenariosBench(rounds = 3): Promise<Record<string, number>> {
  const spec = flowSpecSchema.parse(receptionistTemplate.spec);
  const ids = spec.scenarios.filter((s) => s.mode === 'voice').map((s) => s.id);
  const results: Record<string, number> = { 'voice scenarios': ids.length };
  let totalSession = 0;
  let totalWall = 0;
  for (let round = 1; round <= rounds; round++) {
    const started = performance.now();
    const runs = await runScenarios(spec, { ids });
    const wall = performance.now() - started;
    const failed = runs.filter((r) => r.status !== 'passed');
    if (failed.length > 0) throw new Error(`voice scenario ${failed[0]?.id} did not pass: ${failed[0]?.status}`);
    const session = runs.reduce((sum, r) => sum + (r.sessionMs ?? 0), 0);
    results[`round ${round}: session s`] = session / 1000;
    results[`round ${round}: wall s`] = wall / 1000;
    results[`round ${round}: x real time`] = session / wall;
    if (round > 1) {
      totalSession += session;
      totalWall += wall;
    }
  }
  if (rounds > 1) results['warm rounds: x real time'] = totalSession / totalWall;
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) printResults('scenarios', await runScenariosBench());
