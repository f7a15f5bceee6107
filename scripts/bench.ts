/**
 * `npm run bench`: every benchmark, printed as numbers (speed goals are measured here, never
 * asserted in tests). Pass names to run some: `npm run bench -- flow vad`.
 */
import { printResults } from '../packages/engine/bench/stats';

type Bench = () => Promise<Record<string, number>> | Record<string, number>;

const benches: Record<string, { title: string; load: () => Promise<Bench> }> = {
  flow: {
    title: 'validate + compile, 300 agents / 1,000 edges (target < 50 ms)',
    load: async () => (await import('../packages/engine/bench/flow.bench')).runFlowBench,
  },
  vad: {
    title: 'VAD per 32 ms chunk: our stream vs bare onnxruntime (target ratio <= 1.2)',
    load: async () => (await import('../packages/engine/bench/vad.bench')).runVadBench,
  },
  replay: {
    title: 'turn-taking replay of 10 minutes of recorded caller audio (target >= 30x real time)',
    load: async () => (await import('../packages/engine/bench/replay.bench')).runReplayBench,
  },
  session: {
    title: 'in-process sessions: engine overhead per turn (target p95 < 5 ms; >= 50 sessions with p95 < 20 ms)',
    load: async () => {
      const { runSessionBench } = await import('../packages/engine/bench/session.bench');
      return async () => {
        const results: Record<string, number> = {};
        for (const n of [1, 50]) {
          const { overheadP50, overheadP95, voiceToVoiceP50, voiceToVoiceP95 } = await runSessionBench(n, 3);
          Object.assign(results, {
            [`${n} session(s): engine overhead p50 ms`]: overheadP50,
            [`${n} session(s): engine overhead p95 ms`]: overheadP95,
            [`${n} session(s): voice-to-voice p50 ms`]: voiceToVoiceP50,
            [`${n} session(s): voice-to-voice p95 ms`]: voiceToVoiceP95,
          });
        }
        return results;
      };
    },
  },
  scenarios: {
    title: "receptionist template's voice scenarios on the virtual clock (target >= 10x real time)",
    load: async () => (await import('../packages/engine/bench/scenarios.bench')).runScenariosBench,
  },
  'local-calls': {
    title: 'runtime: concurrent local-mode calls over WebSocket (largest N with p95 turn overhead < 20 ms)',
    load: async () => (await import('../apps/runtime/bench/local-calls.bench')).runLocalCallsBench,
  },
  'call-boot': {
    title: 'runtime: call-process boot, fork -> ready, CPU and idle PSS (target well under 1 s)',
    load: async () => (await import('../apps/runtime/bench/call-boot.bench')).runCallBootBench,
  },
  'calls-at-scale': {
    title: 'runtime: N local calls at once and 1/s: start -> first agent audio, PSS, CPU, turns answered',
    load: async () => (await import('../apps/runtime/bench/calls-at-scale.bench')).runCallsAtScaleBench,
  },
  canvas: {
    title: 'builder canvas in Chromium, 300 agents (target: first render < 1 s, smooth drag)',
    load: async () => (await import('../e2e/bench/canvas.bench')).runCanvasBench,
  },
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
for (const [name, bench] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const run = await bench.load();
  printResults(`${name}: ${bench.title}`, await run());
}
process.exit(0);
