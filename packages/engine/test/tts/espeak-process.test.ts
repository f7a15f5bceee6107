import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ENGINE_INPUT_RATE } from '../../src/audio/frame';
import { resample } from '../../src/audio/resample';
import { compile } from '../../src/flow/compile';
import { providerDefaults } from '../../src/flow/defaults';
import { ProviderError } from '../../src/providers/errors';
import { createTts } from '../../src/providers/registry';
import { PocketsphinxStt } from '../../src/providers/stt/pocketsphinx';
import { createEspeakTts } from '../../src/providers/tts/espeak';
import { defaultEspeakProgram } from '../../src/providers/tts/espeak-process';
import type { Tts } from '../../src/providers/tts/types';
import { receptionistTemplate } from '../../src/templates/receptionist';
import { collectEvents } from '../providers/deepgram/stt-events';
import { concat } from '../support';

async function speak(tts: Tts, text: string, signal?: AbortSignal): Promise<Int16Array> {
  const parts: Int16Array[] = [];
  for await (const chunk of tts.synthesize(text, signal ? { signal } : {})) parts.push(chunk);
  return concat(...parts);
}

/** Process ids of this process's children running the eSpeak NG program. */
function espeakChildren(): number[] {
  try {
    const out = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'parley-espeak'], { encoding: 'utf8' });
    return out.split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

const PHRASES = ['Welcome to our restaurant.', 'Your table is booked for seven.', 'Goodbye and thank you.'];

describe('eSpeak NG as a separate program (@parley/espeak)', () => {
  it('is the default TTS, speaks from a child process, and PocketSphinx recognises its speech', async () => {
    const agent = compile(receptionistTemplate.spec).agents[receptionistTemplate.spec.entryAgentId];
    if (!agent) throw new Error('receptionist template has no entry agent');
    // What a flow that names no TTS gets: the compiled plan's resolved choice.
    expect(agent.providers.tts).toEqual(providerDefaults.tts);
    const tts = createTts(agent.providers.tts, { agent, secrets: {} });
    expect(tts.id).toBe('espeak');
    const stream = new PocketsphinxStt({ phrases: PHRASES }).stream({ language: 'en-US' });
    const seen = collectEvents(stream);
    for (const text of [PHRASES[1], PHRASES[2], PHRASES[0]] as string[]) {
      const speech = resample(await speak(tts, text), tts.sampleRate, ENGINE_INPUT_RATE);
      for (let at = 0; at < speech.length; at += 320) stream.pushAudio(speech.subarray(at, at + 320));
      stream.endOfSpeech();
    }
    await seen.next(() => seen.events.length === 3);
    await stream.close();
    expect(seen.events.map((event) => event.type === 'final' && event.text)).toEqual([
      PHRASES[1],
      PHRASES[2],
      PHRASES[0],
    ]);
    // The speech came from a child process running the package's program, not from this one.
    const children = espeakChildren();
    expect(children.length).toBe(1);
    expect(children[0]).not.toBe(process.pid);
    expect(defaultEspeakProgram()).toMatch(/packages\/espeak\/bin\/parley-espeak\.js$/);
  });

  it('keeps one warm process across sentences and voices', async () => {
    await speak(createEspeakTts(), 'One.');
    const before = espeakChildren();
    await speak(createEspeakTts({ voice: 'en-gb' }), 'Two.');
    await speak(createEspeakTts({ rate: 250 }), 'Three.');
    expect(espeakChildren()).toEqual(before);
    expect(before.length).toBe(1);
  });

  it('names the fix when the program is missing', async () => {
    const tts = createEspeakTts({ program: '/nonexistent/parley-espeak.js' });
    const failure = speak(tts, 'Hello.');
    await expect(failure).rejects.toThrow(ProviderError);
    await expect(failure).rejects.toMatchObject({ provider: 'espeak', kind: 'unavailable' });
    await expect(failure).rejects.toThrow(/@parley\/espeak was not found\. Run `npm install`/);
  });

  it('turns a crash mid-sentence into a provider error, and the next sentence starts a new program', async () => {
    const tts = createEspeakTts();
    await speak(tts, 'Warm.');
    const [crashing] = espeakChildren();
    if (!crashing) throw new Error('no eSpeak NG child process');
    const long = 'This sentence is long enough to keep the synthesizer busy for a while. '.repeat(60);
    const pending = speak(tts, long);
    process.kill(crashing, 'SIGKILL');
    await expect(pending).rejects.toMatchObject({ provider: 'espeak', kind: 'server' });
    await expect(pending).rejects.toThrow(/eSpeak NG program exited \(SIGKILL\)/);
    expect((await speak(tts, 'Back again.')).length).toBeGreaterThan(ENGINE_INPUT_RATE / 2);
    const [restarted] = espeakChildren();
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(crashing);
  });

  it('kills a stalled program after the timeout instead of hanging', async () => {
    await speak(createEspeakTts(), 'Warm.');
    const tts = createEspeakTts({ timeoutMs: 1000 });
    const [stalled] = espeakChildren();
    if (!stalled) throw new Error('no eSpeak NG child process');
    process.kill(stalled, 'SIGSTOP');
    await expect(speak(tts, 'Nobody hears this.')).rejects.toMatchObject({ provider: 'espeak', kind: 'timeout' });
    // A new program starts in its place.
    expect((await speak(createEspeakTts(), 'Working again.')).length).toBeGreaterThan(ENGINE_INPUT_RATE / 2);
    expect(espeakChildren()).not.toContain(stalled);
  });
});
