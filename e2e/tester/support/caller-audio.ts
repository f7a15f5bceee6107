import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeWav } from '../../../packages/engine/src/audio/wav';
import { concat, silence, speechWav } from '../../../packages/engine/test/support';

const RATE = 48000;

/** When each caller utterance starts, in seconds from the moment the microphone opens. */
export const CALLER_SCRIPT = [
  // After the greeting ("Hello, thanks for calling…", about 4.5 s) has played.
  { at: 8, text: 'I have a question about my bill' },
  // While the agent is still answering: its reply, the transfer line and billing's greeting take
  // about 5 s from 1.5-4 s after the question (slower when the machine is busy).
  { at: 14.5, text: 'my invoice is wrong' },
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
