/**
 * N concurrent local-mode calls against one runtime on this machine, each a caller streaming real
 * speech (espeak, 16 kHz) in real time over its WebSocket: reception -> support handoff, then
 * TURNS more turns with support (its fallback reply; the phrase is one the offline recognizer knows). Prints, per N, the p95 engine turn overhead (the sessions' metrics
 * events) and CPU per call (its process's CPU time over the wall time of the conversation), and
 * the largest N whose p95 overhead stays under 20 ms.
 * Run: npx tsx apps/runtime/bench/local-calls.bench.ts [N,N,...]   (uses DATABASE_URL if set,
 * else an embedded PostgreSQL, with a fresh database either way)
 */
import { pathToFileURL } from 'node:url';
import { percentile, printResults } from '../../../packages/engine/bench/stats';
import { speechWav } from '../../../packages/engine/test/support';
import setupTestDatabase from '../../../test/global-setup';
import { CallClient } from '../test/support/call-client';
import { localCall, publishReceptionist } from '../test/support/flows';
import { startTestRuntime, type TestRuntime } from '../test/support/test-runtime';
import { callCountsArg, DEFAULT_CALL_COUNTS } from './call-counts';
import { processCpuMs } from './process-cpu';

/** Questions each caller asks support after the handoff. */
const TURNS = 3;
const OVERHEAD_TARGET_MS = 20;

interface CallResult {
  overheads: number[];
  cpuMs: number;
  wallMs: number;
}

async function untilListening(client: CallClient, after: number, what: string, timeoutMs = 60_000): Promise<void> {
  await client.waitFor(
    what,
    () => {
      const tail = client.events.slice(after);
      const last = tail.at(-1);
      return (
        tail.some((e) => e.type === 'assistant_message') && last?.type === 'agent_state' && last.state === 'listening'
      );
    },
    timeoutMs,
  );
}

/** One caller's whole conversation; CPU is measured from the greeting's end to the last reply. */
async function oneCall(
  runtime: TestRuntime,
  client: CallClient,
  callId: string,
  phrases: Int16Array[],
): Promise<CallResult> {
  // Generous: N call processes booting at once on a small machine is not what is measured.
  await untilListening(client, 0, 'the greeting', 240_000);
  const pid = runtime.supervisor.get(callId)?.pid;
  if (!pid) throw new Error(`call ${callId} has no process`);
  const cpuStart = processCpuMs(pid) ?? 0;
  const wallStart = performance.now();
  for (const phrase of phrases) {
    const from = client.events.length;
    await client.stream(phrase);
    await untilListening(client, from, 'a reply');
  }
  const cpuMs = (processCpuMs(pid) ?? cpuStart) - cpuStart;
  const wallMs = performance.now() - wallStart;
  const overheads = client.events.flatMap((e) =>
    e.type === 'metrics' && e.metrics.engineOverhead !== null ? [e.metrics.engineOverhead] : [],
  );
  client.sendJson({ type: 'end_call' });
  await client.closed;
  return { overheads, cpuMs, wallMs };
}

async function round(runtime: TestRuntime, count: number, phrases: Int16Array[]): Promise<CallResult[]> {
  const version = await publishReceptionist();
  const calls = await Promise.all(Array.from({ length: count }, () => localCall(version)));
  const clients = calls.map(({ call, token }) => new CallClient(runtime.callUrl(call.id, token)));
  try {
    return await Promise.all(clients.map((client, i) => oneCall(runtime, client, calls[i]?.call.id ?? '', phrases)));
  } finally {
    for (const client of clients) client.close();
  }
}

/** Runs a round per count in `counts`; returns every number it prints. */
export async function runLocalCallsBench(counts: number[] = DEFAULT_CALL_COUNTS): Promise<Record<string, number>> {
  const teardown = await setupTestDatabase();
  const max = Math.max(...counts);
  const runtime = await startTestRuntime({ maxCalls: max, spareProcesses: 1 });
  const support = await speechWav('I need support');
  const question = await speechWav('something is broken');
  const phrases = [support.samples, ...Array.from({ length: TURNS }, () => question.samples)];
  const results: Record<string, number> = {};
  let largestUnderTarget = 0;
  let previous = 0;
  try {
    for (const count of counts) {
      let calls: CallResult[];
      try {
        calls = await round(runtime, count, phrases);
      } catch (error) {
        // Overloaded: calls could not keep up at all. Report it and stop going higher.
        console.log(
          `round of ${count} call(s) did not complete: ${error instanceof Error ? error.message.slice(0, 200) : error}`,
        );
        results[`calls.${count}.completed`] = 0;
        break;
      }
      const overheads = calls.flatMap((c) => c.overheads);
      const cpuPerCall = calls.map((c) => (c.cpuMs / c.wallMs) * 100);
      const p95 = percentile(overheads, 95);
      results[`calls.${count}.completed`] = 1;
      results[`calls.${count}.turns`] = overheads.length;
      results[`calls.${count}.engine_overhead.p50_ms`] = percentile(overheads, 50);
      results[`calls.${count}.engine_overhead.p95_ms`] = p95;
      results[`calls.${count}.cpu_per_call.mean_pct_of_core`] =
        cpuPerCall.reduce((a, b) => a + b, 0) / cpuPerCall.length;
      // The largest N before the first one over the target (a lucky higher N does not count).
      if (overheads.length > 0 && p95 < OVERHEAD_TARGET_MS && largestUnderTarget === previous)
        largestUnderTarget = count;
      previous = count;
      console.log(`round of ${count} call(s) done: p95 overhead ${p95.toFixed(1)} ms over ${overheads.length} turns`);
    }
  } finally {
    await runtime.drain();
    await teardown();
  }
  results[`largest_n_with_p95_under_${OVERHEAD_TARGET_MS}ms`] = largestUnderTarget;
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const counts = callCountsArg(process.argv[2]);
  printResults(
    `local calls: concurrent speech calls on one runtime (target p95 overhead < ${OVERHEAD_TARGET_MS} ms)`,
    await runLocalCallsBench(counts),
  );
  process.exit(0);
}
