/**
 * Calls at scale: N local-mode calls on one runtime, started all at once (burst) and one per
 * second (staggered). Each caller connects, waits for the greeting, then says TURNS phrases in
 * real time (espeak speech, 16 kHz). Prints per N and pattern: connect -> first agent audio
 * p50/p95, PSS per call process and of every runtime child process per call (spares and shared
 * processes included), call-process CPU per call-minute, turns answered (agent audio within
 * ANSWER_MS of the end of the caller's phrase), and calls refused.
 * Run: npm run bench -- calls-at-scale   (or npx tsx apps/runtime/bench/calls-at-scale.bench.ts 1,5)
 */
import { pathToFileURL } from 'node:url';
import type { VersionRecord } from '@parley/db';
import { percentile, printResults } from '../../../packages/engine/bench/stats';
import { speechWav } from '../../../packages/engine/test/support';
import { ensureRuntimeBuild } from '../../../scripts/runtime-build';
import setupTestDatabase from '../../../test/global-setup';
import { loadConfig } from '../src/config';
import { CallClient } from '../test/support/call-client';
import { localCall, publishReceptionist, TEST_SECRET } from '../test/support/flows';
import { startTestRuntime, type TestRuntime } from '../test/support/test-runtime';
import { callCountsArg, DEFAULT_CALL_COUNTS } from './call-counts';
import { processCpuMs } from './process-cpu';
import { descendants, processPssMb } from './process-memory';

/** A turn counts as answered when agent audio starts within this long after the caller's phrase ended. */
const ANSWER_MS = 5000;
const GREETING_TIMEOUT_MS = 180_000;

interface CallResult {
  refused: boolean;
  /** Why the runtime refused the call, when it did. */
  refusal?: string;
  firstAudioMs: number | null;
  answered: number;
  turns: number;
  cpuMs: number;
  wallMs: number;
  pssMb: number | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function listeningAfter(client: CallClient, from: number): boolean {
  const tail = client.events.slice(from);
  const last = tail.at(-1);
  return tail.some((e) => e.type === 'assistant_message') && last?.type === 'agent_state' && last.state === 'listening';
}

async function oneCall(runtime: TestRuntime, version: VersionRecord, phrases: Int16Array[]): Promise<CallResult> {
  const { call, token } = await localCall(version);
  const started = performance.now();
  const client = new CallClient(runtime.callUrl(call.id, token));
  const result: CallResult = {
    refused: false,
    firstAudioMs: null,
    answered: 0,
    turns: phrases.length,
    cpuMs: 0,
    wallMs: 0,
    pssMb: null,
  };
  try {
    await client.waitFor(
      'the greeting',
      () => client.audio.length > 0 || client.messages.some((m) => m.type === 'call_error' && m.fatal),
      GREETING_TIMEOUT_MS,
    );
    const first = client.audio[0];
    if (!first) {
      result.refused = true;
      const error = client.messages.find((m) => m.type === 'call_error');
      if (error && 'message' in error) result.refusal = String(error.message);
      return result;
    }
    result.firstAudioMs = first.at - started;
    const pid = runtime.supervisor.get(call.id)?.pid;
    const cpuStart = pid ? (processCpuMs(pid) ?? 0) : 0;
    await client.waitFor('the greeting to end', () => listeningAfter(client, 0), GREETING_TIMEOUT_MS);
    for (const phrase of phrases) {
      const from = client.events.length;
      await client.stream(phrase, { tailMs: 0 });
      const spoken = performance.now();
      const audioBefore = client.audio.length;
      // Silence after the phrase, as a phone line carries, until the agent answers.
      const silence = new Int16Array(320);
      let answeredAt: number | null = null;
      while (performance.now() - spoken < 30_000 && !listeningAfter(client, from)) {
        if (answeredAt === null && client.audio.length > audioBefore)
          answeredAt = client.audio[audioBefore]?.at ?? null;
        client.socket.send(silence);
        await sleep(20);
      }
      answeredAt ??= client.audio[audioBefore]?.at ?? null;
      if (answeredAt !== null && answeredAt - spoken <= ANSWER_MS) result.answered++;
      // Memory in conversation: after the first exchange, every model and buffer in use.
      if (pid && result.pssMb === null) result.pssMb = processPssMb(pid);
    }
    if (pid) {
      result.cpuMs = (processCpuMs(pid) ?? cpuStart) - cpuStart;
      result.wallMs = performance.now() - started - (result.firstAudioMs ?? 0);
    }
    client.sendJson({ type: 'end_call' });
    await client.closed;
  } catch (error) {
    console.log(`  a call did not complete: ${error instanceof Error ? error.message.slice(0, 160) : error}`);
  } finally {
    client.close();
  }
  return result;
}

async function round(
  runtime: TestRuntime,
  version: VersionRecord,
  count: number,
  staggerMs: number,
  phrases: Int16Array[],
  prefix: string,
): Promise<Record<string, number>> {
  // Every second: all of the runtime's child processes (call processes, spares, shared helpers);
  // their largest total is shared out over the most calls that ran at once.
  const peak = { calls: 0, pssMb: 0 };
  const sampler = setInterval(() => {
    peak.calls = Math.max(peak.calls, runtime.supervisor.load);
    const pssMb = descendants(process.pid).reduce((sum, pid) => sum + (processPssMb(pid) ?? 0), 0);
    peak.pssMb = Math.max(peak.pssMb, pssMb);
  }, 1000);
  const calls: Promise<CallResult>[] = [];
  for (let i = 0; i < count; i++) {
    calls.push(oneCall(runtime, version, phrases));
    if (staggerMs > 0 && i < count - 1) await sleep(staggerMs);
  }
  const results = await Promise.all(calls);
  clearInterval(sampler);
  const admitted = results.filter((r) => !r.refused);
  const firsts = admitted.flatMap((r) => (r.firstAudioMs === null ? [] : [r.firstAudioMs]));
  const pss = admitted.flatMap((r) => (r.pssMb === null ? [] : [r.pssMb]));
  const cpuPerMinute = admitted.filter((r) => r.wallMs > 0).map((r) => r.cpuMs / 1000 / (r.wallMs / 60_000));
  const turns = admitted.reduce((sum, r) => sum + r.turns, 0);
  const answered = admitted.reduce((sum, r) => sum + r.answered, 0);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  console.log(`  ${prefix}: ${admitted.length} admitted, ${answered}/${turns} turns answered`);
  const firstRefusal = results.find((r) => r.refusal)?.refusal;
  if (firstRefusal) console.log(`    first refusal: ${firstRefusal}`);
  return {
    [`${prefix}.refused`]: results.length - admitted.length,
    [`${prefix}.first_audio_ms.p50`]: percentile(firsts, 50),
    [`${prefix}.first_audio_ms.p95`]: percentile(firsts, 95),
    [`${prefix}.pss_mb_per_call_process`]: mean(pss),
    [`${prefix}.pss_mb_all_children_per_call`]: peak.pssMb / Math.max(1, peak.calls),
    [`${prefix}.cpu_s_per_call_minute`]: mean(cpuPerMinute),
    [`${prefix}.turns_answered_pct`]: turns === 0 ? 0 : (answered / turns) * 100,
  };
}

/** A gauge's value from the runtime's /metrics. */
async function gauge(runtime: TestRuntime, name: string): Promise<number> {
  const text = await (await fetch(`${runtime.url}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
}

/** Waits until the pool holds its target of warm spares, as on a runtime that has been up a while. */
async function sparesWarm(runtime: TestRuntime): Promise<void> {
  while (
    (await gauge(runtime, 'parley_call_processes_ready')) < (await gauge(runtime, 'parley_call_processes_target'))
  ) {
    await sleep(200);
  }
}

/** Runs a burst and a staggered round per count in `counts`; returns every number it prints. */
export async function runCallsAtScaleBench(counts: number[] = DEFAULT_CALL_COUNTS): Promise<Record<string, number>> {
  await ensureRuntimeBuild(); // what call processes run
  const teardown = await setupTestDatabase();
  // The runtime as `npm start` configures it (its defaults or the CALL_* settings in the
  // environment, admission included), only on a free port.
  const settings = loadConfig({ ...process.env, DATABASE_URL: process.env.DATABASE_URL, PARLEY_SECRET: TEST_SECRET });
  const runtime = await startTestRuntime({
    drainTimeoutMs: 30_000,
    callLoadThreshold: settings.callLoadThreshold,
    maxStartWaitMs: settings.maxStartWaitMs,
    spareProcesses: settings.spareProcesses,
    maxSpareProcesses: settings.maxSpareProcesses,
    maxBootingProcesses: settings.maxBootingProcesses,
  });
  const phrases = [(await speechWav('I need support')).samples, (await speechWav('something is broken')).samples];
  const version = await publishReceptionist();
  const results: Record<string, number> = {};
  try {
    for (const count of counts) {
      for (const [pattern, staggerMs] of [
        ['at_once', 0],
        ['staggered_1s', 1000],
      ] as const) {
        await sparesWarm(runtime);
        Object.assign(results, await round(runtime, version, count, staggerMs, phrases, `n${count}.${pattern}`));
      }
    }
  } finally {
    await runtime.drain();
    await teardown();
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const counts = callCountsArg(process.argv[2]);
  printResults('calls at scale: local-mode calls on one runtime', await runCallsAtScaleBench(counts));
  process.exit(0);
}
