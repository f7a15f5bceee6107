import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINE_INPUT_RATE } from '../../../src/audio/frame';
import { resample } from '../../../src/audio/resample';
import { ProviderError } from '../../../src/providers/errors';
import { isPocketsphinxAvailable, PocketsphinxStt } from '../../../src/providers/stt/pocketsphinx';
import { DEBIAN_POCKETSPHINX, dictionaryWords } from '../../../src/providers/stt/pocketsphinx-cli';
import { buildPhraseGrammar, normalisePhrase } from '../../../src/providers/stt/pocketsphinx-grammar';
import type { SttStream } from '../../../src/providers/stt/types';
import { createEspeakTts } from '../../../src/providers/tts/espeak';
import { collectEvents } from '../deepgram/stt-events';

const PHRASES = ['Book a table for two.', 'Cancel my reservation', 'What are your opening hours?', 'Yes', 'No'];

let stream: SttStream | undefined;

afterEach(async () => {
  await stream?.close();
  stream = undefined;
});

/** Real speech: espeak-ng (the engine's offline TTS) at 22.05 kHz, resampled to the engine's 16 kHz. */
async function speak(text: string): Promise<Int16Array[]> {
  const tts = createEspeakTts();
  const parts: Int16Array[] = [];
  for await (const chunk of tts.synthesize(text)) parts.push(chunk);
  const all = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  const speech = resample(all, tts.sampleRate, ENGINE_INPUT_RATE);
  // Frames of 20 ms, as the session pushes them.
  const frames: Int16Array[] = [];
  for (let i = 0; i < speech.length; i += 320) frames.push(speech.subarray(i, i + 320));
  return frames;
}

describe('phrase grammar', () => {
  it('normalises phrases to lowercase words', () => {
    expect(normalisePhrase("  Book a TABLE, for two!  Don't wait. ")).toBe("book a table for two don't wait");
  });

  it('leaves out phrases with words the dictionary lacks, and names those words', () => {
    const grammar = buildPhraseGrammar(
      ['Yes please', 'Zorblax now', 'yes  PLEASE', '...'],
      new Set(['yes', 'please', 'now']),
    );
    expect(grammar.phrases).toEqual(['yes please']);
    expect(grammar.missingWords).toEqual(['zorblax']);
    expect(grammar.jsgf).toBe('#JSGF V1.0;\ngrammar parley;\npublic <phrase> = yes please;\n');
  });
});

describe('PocketsphinxStt (Debian pocketsphinx + pocketsphinx-en-us)', () => {
  it('reads a dictionary’s words, variants folded into their word', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-dict-'));
    const path = join(dir, 'test.dict');
    writeFileSync(path, 'a AH\na(2) EY\nbook B UH K\nbook(2) B UW K\nlonely\nx(ray) EH K S\n');
    expect([...dictionaryWords(path)].sort()).toEqual(['a', 'book', 'lonely', 'x(ray)']);
    rmSync(dir, { recursive: true });
    expect(dictionaryWords(DEBIAN_POCKETSPHINX.dict).has('reservation')).toBe(true);
  });

  it('is installed here', () => {
    expect(isPocketsphinxAvailable()).toBe(true);
  });

  it('recognizes the exact phrase spoken (as the flow wrote it), utterance after utterance, in order', async () => {
    const stt = new PocketsphinxStt({ phrases: [...PHRASES, 'Flibbertigibbetzz now'] });
    expect(stt.streaming).toBe(false);
    expect(stt.grammar.missingWords).toEqual(['flibbertigibbetzz']);
    stream = stt.stream({ language: 'en-US' });
    const seen = collectEvents(stream);
    for (const text of ['What are your opening hours?', 'Book a table for two.', 'Cancel my reservation']) {
      for (const frame of await speak(text)) stream.pushAudio(frame);
      stream.endOfSpeech();
    }
    await seen.next(() => seen.events.length === 3);
    expect(seen.events).toEqual([
      { type: 'final', text: 'What are your opening hours?' },
      { type: 'final', text: 'Book a table for two.' },
      { type: 'final', text: 'Cancel my reservation' },
    ]);
  });

  it('forgets discarded audio', async () => {
    stream = new PocketsphinxStt({ phrases: PHRASES }).stream({ language: 'en' });
    const seen = collectEvents(stream);
    for (const frame of await speak('Cancel my reservation')) stream.pushAudio(frame);
    stream.discard();
    for (const frame of await speak('Yes')) stream.pushAudio(frame);
    stream.endOfSpeech();
    expect(await seen.next((e) => e.type === 'final')).toEqual({ type: 'final', text: 'Yes' });
  });

  it('refuses languages it has no model for', async () => {
    stream = new PocketsphinxStt({ phrases: PHRASES }).stream({ language: 'de-DE' });
    const seen = collectEvents(stream);
    for (const frame of await speak('Yes')) stream.pushAudio(frame);
    stream.endOfSpeech();
    const event = await seen.next((e) => e.type === 'error');
    expect(event.type === 'error' && event.error instanceof ProviderError && event.error.kind).toBe('bad_request');
  });

  it('says clearly when the recognizer is not installed', () => {
    const install = { binary: 'pocketsphinx_not_installed', hmm: '/nonexistent/hmm', dict: '/nonexistent/dict' };
    expect(isPocketsphinxAvailable(install)).toBe(false);
    expect(() => new PocketsphinxStt({ phrases: PHRASES, install })).toThrow(
      /apt-get install pocketsphinx pocketsphinx-en-us/,
    );
  });
});
