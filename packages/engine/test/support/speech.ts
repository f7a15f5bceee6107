import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PcmFrame } from '../../src/audio/frame';
import { resample } from '../../src/audio/resample';
import { readWav, writeWav } from '../../src/audio/wav';
import { createEspeakTts, ESPEAK_SAMPLE_RATE } from '../../src/providers/tts/espeak';
import { concat } from './signals';

/** Where synthesized test speech is cached (gitignored). */
export const CACHE_DIR = fileURLToPath(new URL('../.cache', import.meta.url));

export interface SpeechOptions {
  rate?: 16000 | 48000;
  voice?: string;
  /** Words per minute. */
  wordsPerMinute?: number;
}

/**
 * Real speech for tests: `text` spoken by espeak-ng, resampled to `rate` (default 16 kHz).
 * Cached as a WAV under test/.cache, so later runs (and tools that want a file, such as a
 * browser's fake microphone) read it from `path`.
 */
export async function speechWav(text: string, options: SpeechOptions = {}): Promise<PcmFrame & { path: string }> {
  const rate = options.rate ?? 16000;
  const voice = options.voice ?? 'en-us';
  const wpm = options.wordsPerMinute ?? 175;
  const key = createHash('sha256')
    .update(JSON.stringify([text, rate, voice, wpm]))
    .digest('hex')
    .slice(0, 16);
  const path = join(CACHE_DIR, `speech-${key}-${rate}.wav`);
  try {
    return { ...readWav(await readFile(path)), path };
  } catch {
    // not cached yet
  }
  const parts: Int16Array[] = [];
  for await (const chunk of createEspeakTts({ voice, rate: wpm }).synthesize(text)) parts.push(chunk);
  const frame = { samples: resample(concat(...parts), ESPEAK_SAMPLE_RATE, rate), sampleRate: rate };
  await mkdir(CACHE_DIR, { recursive: true });
  // Write then rename: test files running in parallel never see a half-written WAV.
  const partial = `${path}.${randomUUID()}.tmp`;
  await writeFile(partial, writeWav(frame));
  await rename(partial, path);
  return { ...frame, path };
}
