/**
 * Replay speed: 10 minutes of recorded caller audio (espeak phrases with pauses, the agent
 * answering each turn) through replayTurns, in wall time. Target >= 30x real time.
 */
import { ENGINE_INPUT_RATE } from '../src/audio/frame';
import { turnHandlingDefaults } from '../src/flow/defaults';
import type { SessionEvent } from '../src/session/events';
import { type AgentSpeechSpan, replayTurns } from '../src/testing';
import { concat, silence, speechWav } from '../test/support';

const AUDIO_MS = 10 * 60 * 1000;

/** Builds the recording, replays it once to warm up, then twice timed; returns the numbers. */
export async function runReplayBench(): Promise<Record<string, number>> {
  const phrases = await Promise.all(
    ['I would like to book a table for two tonight', 'Yes, at eight please', 'Can you tell me the address?'].map(
      async (text) => (await speechWav(text)).samples,
    ),
  );
  const parts: Int16Array[] = [];
  const agentSpeech: AgentSpeechSpan[] = [];
  const events: SessionEvent[] = [];
  let at = 0;
  for (let i = 0; at < AUDIO_MS; i++) {
    const phrase = phrases[i % phrases.length] as Int16Array;
    const phraseMs = (phrase.length / ENGINE_INPUT_RATE) * 1000;
    // The caller speaks, the agent answers ~1.2 s later for 2.5 s, then a pause before the next turn.
    parts.push(phrase, silence(4500));
    events.push({ type: 'end_of_turn', mode: 'vad', probability: null, delay: 500, t: at + phraseMs + 600 });
    agentSpeech.push({ startMs: at + phraseMs + 1200, endMs: at + phraseMs + 3700 });
    at += phraseMs + 4500;
  }
  const caller = concat(...parts).subarray(0, (AUDIO_MS / 1000) * ENGINE_INPUT_RATE);
  const recording = { caller, callerStartMs: 0, agentSpeech, events, settings: turnHandlingDefaults };

  await replayTurns({ ...recording, caller: caller.subarray(0, ENGINE_INPUT_RATE * 20) }); // warm-up: model load
  const times: number[] = [];
  let turns = 0;
  for (let round = 0; round < 2; round++) {
    const start = performance.now();
    const result = await replayTurns(recording, { endpointing: { minDelay: 800 } });
    times.push(performance.now() - start);
    turns = result.turns.length;
  }
  const best = Math.min(...times);
  return {
    'replay.audio_s': AUDIO_MS / 1000,
    'replay.turns': turns,
    'replay.wall_s (best of 2)': best / 1000,
    'replay.x_real_time': AUDIO_MS / best,
  };
}
