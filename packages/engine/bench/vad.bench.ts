/**
 * VAD cost per 32 ms window through our stream vs a bare onnxruntime run on the same windows,
 * plus espeak first-chunk latency (through the separate @parley/espeak program; cold includes
 * starting it, target warm < 30 ms). Prints numbers; run: npx tsx packages/engine/bench/vad.bench.ts
 */
import { pathToFileURL } from 'node:url';
import { Tensor } from 'onnxruntime-node';
import { int16ToFloat32 } from '../src/audio/pcm';
import { turnHandlingDefaults } from '../src/flow/defaults';
import { createEspeakTts } from '../src/providers/tts/espeak';
import { loadSileroSession, SILERO_CONTEXT, SILERO_WINDOW } from '../src/providers/vad/silero-model';
import { createVadStream } from '../src/providers/vad/vad-stream';
import { concat, silence, speechWav } from '../test/support';

const ROUNDS = 5;

/** Runs the VAD and espeak measurements; returns every number it prints. */
export async function runVadBench(): Promise<Record<string, number>> {
  const phrase = (await speechWav('Hello, I would like to book a table for two tonight.')).samples;
  const audio = concat(silence(500), phrase, silence(1000), phrase, silence(500));
  const windows: Int16Array[] = [];
  for (let at = 0; at + SILERO_WINDOW <= audio.length; at += SILERO_WINDOW) {
    windows.push(audio.subarray(at, at + SILERO_WINDOW));
  }

  const bare: number[] = [];
  const stream: number[] = [];
  await bareRun(windows, []); // warm-up
  await streamRun(windows, []);
  for (let round = 0; round < ROUNDS; round++) {
    await bareRun(windows, bare);
    await streamRun(windows, stream);
  }
  const result: Record<string, number> = {
    'vad.windows': bare.length,
    'vad.bare.median_us': percentile(bare, 0.5),
    'vad.bare.p95_us': percentile(bare, 0.95),
    'vad.stream.median_us': percentile(stream, 0.5),
    'vad.stream.p95_us': percentile(stream, 0.95),
  };
  result['vad.ratio.median'] = (result['vad.stream.median_us'] as number) / (result['vad.bare.median_us'] as number);
  result['vad.ratio.p95'] = (result['vad.stream.p95_us'] as number) / (result['vad.bare.p95_us'] as number);
  Object.assign(result, await espeakLatency());
  return result;
}

/** The minimum anyone must pay: session.run on the same window with context and state. */
async function bareRun(windows: Int16Array[], times: number[]): Promise<void> {
  const session = await loadSileroSession();
  const input = new Float32Array(SILERO_CONTEXT + SILERO_WINDOW);
  const sr = new Tensor('int64', BigInt64Array.of(16000n), []);
  let state: Tensor = new Tensor('float32', new Float32Array(256), [2, 1, 128]);
  for (const window of windows) {
    const start = performance.now();
    input.copyWithin(0, SILERO_WINDOW);
    int16ToFloat32(window, input.subarray(SILERO_CONTEXT));
    const out = await session.run({ input: new Tensor('float32', input, [1, input.length]), state, sr });
    state = out.stateN as Tensor;
    times.push((performance.now() - start) * 1000);
  }
}

/** Our stream, fed one 32 ms chunk per push as a session would. */
async function streamRun(windows: Int16Array[], times: number[]): Promise<void> {
  const vad = createVadStream(turnHandlingDefaults.vad);
  for (const window of windows) {
    const start = performance.now();
    await vad.push(window);
    times.push((performance.now() - start) * 1000);
  }
  await vad.close();
}

/** First-chunk latency of a short sentence: the cold first call (program start), then the warm median. */
async function espeakLatency(): Promise<Record<string, number>> {
  const tts = createEspeakTts();
  const first = async () => {
    const start = performance.now();
    for await (const _ of tts.synthesize('Sure, I can help with that.')) break;
    return performance.now() - start;
  };
  const cold = await first();
  const warm: number[] = [];
  for (let i = 0; i < 20; i++) warm.push(await first());
  return { 'espeak.first_chunk.cold_ms': cold, 'espeak.first_chunk.median_ms': percentile(warm, 0.5) };
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runVadBench();
  for (const [name, value] of Object.entries(result))
    console.log(`${name.padEnd(30)} ${value.toFixed(name.includes('ratio') ? 2 : 1)}`);
}
