import type { Page } from '@playwright/test';
import { speechWav } from '../../../packages/engine/test/support';

const RATE = 48000;

/** What the page's stand-in microphone offers the test (set up by installScriptedMic). */
interface ScriptedMic {
  load(name: string, samples: number[], rate: number): void;
  play(name: string): Promise<void>;
}

/**
 * Replaces the browser's microphone device (never our code) with a stream the test speaks into on
 * cue: getUserMedia answers with a MediaStream that carries silence until `play()` puts a line
 * loaded beforehand into it. The tester's real capture path (AudioWorklet, 16 kHz frames, socket)
 * reads it as it would a microphone, and the test says each line when it sees its cue, not at a
 * fixed time.
 */
export async function installScriptedMic(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let context: AudioContext | null = null;
    let line: MediaStreamAudioDestinationNode | null = null;
    const lines = new Map<string, { samples: number[]; rate: number }>();
    navigator.mediaDevices.getUserMedia = async () => {
      context ??= new AudioContext({ sampleRate: 48000 });
      await context.resume();
      // A new stream per call: the tester stops the tracks it got when a call ends.
      line = context.createMediaStreamDestination();
      return line.stream;
    };
    const mic: ScriptedMic = {
      load: (name, samples, rate) => {
        lines.set(name, { samples, rate });
      },
      play: (name) =>
        new Promise<void>((resolve, reject) => {
          const loaded = lines.get(name);
          if (!loaded) return reject(new Error(`no line "${name}" was loaded`));
          if (!context || !line) return reject(new Error('the page has not opened the microphone yet'));
          const buffer = context.createBuffer(1, loaded.samples.length, loaded.rate);
          buffer.copyToChannel(
            Float32Array.from(loaded.samples, (s) => s / 32768),
            0,
          );
          const source = context.createBufferSource();
          source.buffer = buffer;
          source.connect(line);
          source.onended = () => resolve();
          source.start();
        }),
    };
    (window as unknown as { parleyMic: ScriptedMic }).parleyMic = mic;
  });
}

/** Puts `text` (espeak speech) into the page's microphone ahead of time, so saying it later is instant. */
export async function loadLine(page: Page, text: string): Promise<void> {
  const speech = await speechWav(text, { rate: RATE });
  await page.evaluate(
    ([name, samples, rate]) => (window as unknown as { parleyMic: ScriptedMic }).parleyMic.load(name, samples, rate),
    [text, Array.from(speech.samples), RATE] as const,
  );
}

/** Says a loaded line into the page's microphone; resolves when it has been played. */
export async function sayLine(page: Page, text: string): Promise<void> {
  await page.evaluate((name) => (window as unknown as { parleyMic: ScriptedMic }).parleyMic.play(name), text);
}
