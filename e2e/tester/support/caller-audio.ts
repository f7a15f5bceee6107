import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeWav } from '../../../packages/engine/src/audio/wav';
import { concat, silence, speechWav } from '../../../packages/engine/test/support';

const RATE = 48000;

/**
 * When each caller utterance starts, in seconds from the moment the microphone opens: the tester
 * opens it when the session has started, so these are (within a few tens of ms) session times.
 */
export const CALLER_SCRIPT = [
  // The greeting ("Hello, thanks for calling…") plays until about 5 s: 3 s of margin.
  { at: 8, text: 'I have a question about my bill' },
  // Measured on a quiet machine: the turn ends about 10.5 s, then the reply, the transfer line,
  // the handoff (about 13.8 s) and billing's greeting, which plays until about 16.6 s. This lands
  // in that greeting with over a second of margin either side; a busy machine only moves the
  // handoff later, and the test checks from the stored events where it landed.
  { at: 15, text: 'my invoice is wrong' },
] as const;

/**
 * The fake microphone's recording: espeak speech of the caller script at 48 kHz mono, placed
 * at its times with silence between, and 4 s of silence after so the last turn ends.
 */
export async function buildCallerWav(dir: string): Promise<string> {
  const parts: Int16Array[] = [];
  let at = 0;
  for (const line of CALLER_SCRIPT) {
    parts.push(silence((line.at - at) * 1000, RATE));
    const speech = await speechWav(line.text, { rate: RATE });
    parts.push(speech.samples);
    at = line.at + speech.samples.length / RATE;
  }
  parts.push(silence(4000, RATE));
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'caller.wav');
  await writeFile(path, writeWav({ samples: concat(...parts), sampleRate: RATE }));
  return path;
}
