import { compile, type SessionPlan } from '../src/flow';
import { startTestSession, type TestSession } from '../src/testing';
import { startOpenAiDouble } from '../test/doubles/openai';
import { speechWav } from '../test/support';
import { percentile } from './stats';

export interface SessionBenchResult {
  sessions: number;
  turns: number;
  overheadP50: number;
  overheadP95: number;
  voiceToVoiceP50: number;
  voiceToVoiceP95: number;
}

function benchPlan(): SessionPlan {
  return compile({
    schemaVersion: 1,
    name: 'Bench',
    entryAgentId: 'a',
    agents: [{ id: 'a', name: 'Bench', script: { rules: [], fallback: 'Sure. I can help with that today.' } }],
    settings: { turnHandling: { userAwayTimeout: 0 }, providers: { stt: { provider: 'openai' } }, language: 'en' },
  });
}

/**
 * Runs `sessions` concurrent sessions on the real clock (Silero VAD, OpenAI STT client against
 * the local double, scripted LLM, espeak),
 * each fed a real speech WAV in real time `turns` times; reports per-turn engine overhead
 * (end of turn -> first TTS request, provider time excluded) and voice-to-voice latency.
 */
export async function runSessionBench(sessions: number, turns = 3): Promise<SessionBenchResult> {
  const plan = benchPlan();
  // Transcripts come from a local server speaking OpenAI's transcription protocol.
  const stt = await startOpenAiDouble({
    transcription: Array.from({ length: sessions * turns * 3 }, () => [{ text: 'I would like to change my booking' }]),
  });
  const providers = { secrets: { OPENAI_API_KEY: stt.apiKey }, baseUrls: { openai: stt.baseUrl } };
  const speech = await speechWav('Hello, I would like to change my booking please');
  const tests: TestSession[] = [];
  for (let i = 0; i < sessions; i++)
    tests.push(await startTestSession({ plan, ...providers, clock: 'real', keepAudio: false }));
  await Promise.all(
    tests.map(async (test, i) => {
      await test.wait(i * 37); // spread the sessions' turns out, as real callers would be
      for (let t = 0; t < turns; t++) await test.run({ audio: speech });
    }),
  );
  const metrics = tests.flatMap((t) => t.events.flatMap((e) => (e.type === 'metrics' ? [e.metrics] : [])));
  await Promise.all(tests.map((t) => t.close()));
  await stt.close();
  const overhead = metrics.flatMap((m) => (m.engineOverhead === null ? [] : [m.engineOverhead]));
  const v2v = metrics.flatMap((m) => (m.voiceToVoice === null ? [] : [m.voiceToVoice]));
  return {
    sessions,
    turns: metrics.length,
    overheadP50: percentile(overhead, 50),
    overheadP95: percentile(overhead, 95),
    voiceToVoiceP50: percentile(v2v, 50),
    voiceToVoiceP95: percentile(v2v, 95),
  };
}

const isMain = process.argv[1]?.endsWith('session.bench.ts');
if (isMain) {
  const counts = (process.argv[2] ?? '1,10,50').split(',').map(Number);
  for (const n of counts) {
    const r = await runSessionBench(n);
    console.log(
      `sessions=${r.sessions} turns=${r.turns} engineOverhead p50=${r.overheadP50.toFixed(2)}ms p95=${r.overheadP95.toFixed(2)}ms ` +
        `voiceToVoice p50=${r.voiceToVoiceP50.toFixed(0)}ms p95=${r.voiceToVoiceP95.toFixed(0)}ms`,
    );
  }
}
