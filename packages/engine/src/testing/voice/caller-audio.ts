import { ENGINE_INPUT_RATE } from '../../audio/frame';
import { resample } from '../../audio/resample';
import { createEspeakTts } from '../../providers/tts/espeak';
import type { Tts } from '../../providers/tts/types';
import type { Delivery } from './delivery';

/** How the simulated caller's voice is made. */
export interface CallerVoice {
  /** The TTS that speaks the caller's lines (default: espeak-ng with `voice` and `wordsPerMinute`). */
  tts?: Tts;
  voice?: string;
  wordsPerMinute?: number;
}

/** A spoken line at 16 kHz, with where its marked pauses and its words are (ms from its start). */
export interface CallerAudio {
  samples: Int16Array;
  sampleRate: number;
  /** Marked pauses inside the line. */
  pauses: { from: number; to: number }[];
  /** Voiced stretches, in order. */
  speech: { from: number; to: number }[];
}

/** Samples quieter than this (about -36 dBFS) count as the TTS's own lead-in and tail silence. */
const voicedLevel = 500;
/** Kept around trimmed speech so consonants are not clipped. */
const marginMs = 30;
/** Lead-in before the first word, so the VAD hears a start. */
const leadInMs = 100;

const synthesized = new Map<string, Promise<Int16Array>>();

/** Speaks a parsed line: each speech segment synthesized and trimmed, pauses exactly as marked, noise under it all. */
export async function callerAudio(delivery: Delivery, voice: CallerVoice = {}, seed = 1): Promise<CallerAudio> {
  const rate = ENGINE_INPUT_RATE;
  const parts: Int16Array[] = [new Int16Array(msToSamples(leadInMs))];
  const pauses: CallerAudio['pauses'] = [];
  const speech: CallerAudio['speech'] = [];
  let at = leadInMs;
  for (const segment of delivery.segments) {
    const part =
      segment.kind === 'pause'
        ? new Int16Array(msToSamples(segment.ms))
        : trimSilence(await speak(segment.text, voice));
    const ms = (part.length / rate) * 1000;
    (segment.kind === 'pause' ? pauses : speech).push({ from: at, to: at + ms });
    parts.push(part);
    at += ms;
  }
  if (speech.length === 0) parts.push(new Int16Array(msToSamples(delivery.noiseMs)));
  const samples = join(parts);
  if (delivery.noiseDbfs !== null) addNoise(samples, delivery.noiseDbfs, seed);
  return { samples, sampleRate: rate, pauses, speech };
}

function msToSamples(ms: number): number {
  return Math.round((ms / 1000) * ENGINE_INPUT_RATE);
}

/** Synthesizes once per text and voice (lines repeat across runs of a suite). */
function speak(text: string, voice: CallerVoice): Promise<Int16Array> {
  const tts = voice.tts ?? createEspeakTts({ voice: voice.voice ?? 'en-us', rate: voice.wordsPerMinute ?? 175 });
  const key = JSON.stringify([voice.tts ? tts.id : 'espeak', voice.voice, voice.wordsPerMinute, text]);
  let cached = synthesized.get(key);
  if (!cached) {
    cached = (async () => {
      const chunks: Int16Array[] = [];
      for await (const chunk of tts.synthesize(text)) chunks.push(chunk);
      return resample(join(chunks), tts.sampleRate, ENGINE_INPUT_RATE);
    })();
    // A failed synthesis is not kept: the next run tries again.
    cached.catch(() => synthesized.delete(key));
    synthesized.set(key, cached);
  }
  return cached;
}

/** Cuts the TTS's own leading and trailing silence, so a marked pause is the pause the caller hears. */
function trimSilence(samples: Int16Array): Int16Array {
  let first = samples.findIndex((s) => Math.abs(s) > voicedLevel);
  if (first < 0) return samples.subarray(0, 0);
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last] ?? 0) <= voicedLevel) last--;
  const margin = msToSamples(marginMs);
  first = Math.max(0, first - margin);
  last = Math.min(samples.length - 1, last + margin);
  return samples.subarray(first, last + 1);
}

/** Adds white noise at an RMS of `dbfs` (deterministic per seed), clipping at full scale. */
function addNoise(samples: Int16Array, dbfs: number, seed: number): void {
  // Uniform noise in [-a, a] has RMS a / sqrt(3).
  const amplitude = 32767 * 10 ** (dbfs / 20) * Math.sqrt(3);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < samples.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const noise = (state / 2 ** 31 - 1) * amplitude;
    samples[i] = Math.max(-32768, Math.min(32767, Math.round((samples[i] ?? 0) + noise)));
  }
}

function join(parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
