import type { Page } from '@playwright/test';
import { speechWav } from '../../../packages/engine/test/support';

const RATE = 48000;

/** What the page's stand-in microphone offers the test (set up by installScriptedMic). */
interface ScriptedMic {
  speak(samples: number[], rate: number): Promise<void>;
}

/**
 * Replaces the browser's microphone device (never our code) with a stream the test speaks into on
 * cue: getUserMedia answers with a MediaStream that carries silence until `speak()` plays speech
 * into it. The tester's real capture path (AudioWorklet, 16 kHz frames, socket) reads it as it
 * would a microphone, and the test can say a line relative to what it observed, not at a fixed time.
 */
export async function installScriptedMic(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let context: AudioContext | null = null;
    let line: MediaStreamAudioDestinationNode | null = null;
    navigator.mediaDevices.getUserMedia = async () => {
      context ??= new AudioContext({ sampleRate: 48000 });
      await context.resume();
      // A new stream per call: the tester stops the tracks it got when a call ends.
      line = context.createMediaStreamDestination();
      return line.stream;
    };
    const mic: ScriptedMic = {
      speak: (samples, rate) =>
        new Promise<void>((resolve, reject) => {
          if (!context || !line) return reject(new Error('the page has not opened the microphone yet'));
          const buffer = context.createBuffer(1, samples.length, rate);
          buffer.copyToChannel(
            Float32Array.from(samples, (s) => s / 32768),
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

/** Says `text` (espeak) into the page's microphone; resolves when the line has been played. */
export async function sayIntoMic(page: Page, text: string): Promise<void> {
  const speech = await speechWav(text, { rate: RATE });
  await page.evaluate(
    ([samples, rate]) => (window as unknown as { parleyMic: ScriptedMic }).parleyMic.speak(samples, rate),
    [Array.from(speech.samples), RATE] as const,
  );
}
