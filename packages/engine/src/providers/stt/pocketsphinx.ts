import { ProviderError } from '../errors';
import {
  DEBIAN_POCKETSPHINX,
  dictionaryWords,
  isPocketsphinxAvailable,
  type PocketsphinxInstall,
  recognize,
} from './pocketsphinx-cli';
import { buildPhraseGrammar, normalisePhrase, type PhraseGrammar } from './pocketsphinx-grammar';
import type { Stt, SttEvent, SttStream } from './types';

export { isPocketsphinxAvailable } from './pocketsphinx-cli';

export interface PocketsphinxSttOptions {
  /** What callers are expected to say; recognition is limited to exactly these phrases. */
  phrases: string[];
  /** Where the recognizer and model live (default: Debian's packages). */
  install?: PocketsphinxInstall;
  /** Longest a recognition may take. */
  timeoutMs?: number;
}

/**
 * Offline speech-to-text with PocketSphinx. Its default language model is useless for free
 * speech, but with a phrase grammar it picks the right phrase reliably, so the flow's phrase
 * list is required. Batch: audio is buffered and recognized on endOfSpeech().
 */
export class PocketsphinxStt implements Stt {
  readonly id = 'pocketsphinx';
  readonly streaming = false;
  /** The phrases accepted and the words the dictionary lacked (their phrases are left out). */
  readonly grammar: PhraseGrammar;
  private readonly install: PocketsphinxInstall;
  /** Each accepted phrase as the flow wrote it, by its normalised form (the recognizer answers in lowercase). */
  private readonly written = new Map<string, string>();

  constructor(private readonly options: PocketsphinxSttOptions) {
    this.install = options.install ?? DEBIAN_POCKETSPHINX;
    if (!isPocketsphinxAvailable(this.install)) {
      throw new ProviderError(
        'pocketsphinx',
        'unavailable',
        'PocketSphinx is not installed (Debian: apt-get install pocketsphinx pocketsphinx-en-us).',
      );
    }
    this.grammar = buildPhraseGrammar(options.phrases, dictionaryWords(this.install.dict));
    for (const phrase of options.phrases) {
      const key = normalisePhrase(phrase);
      if (!this.written.has(key)) this.written.set(key, phrase.trim());
    }
  }

  /** A stream that recognizes each utterance when the VAD says it ended. */
  stream(options: { language: string }): SttStream {
    return new PocketsphinxStream((samples, signal) => this.recognize(samples, options.language, signal));
  }

  private async recognize(samples: Int16Array, language: string, signal: AbortSignal): Promise<string> {
    if (!/^en\b/i.test(language)) {
      throw new ProviderError(
        'pocketsphinx',
        'bad_request',
        `PocketSphinx has only an English model; the flow asks for ${language}.`,
      );
    }
    if (!this.grammar.jsgf) {
      throw new ProviderError(
        'pocketsphinx',
        'bad_request',
        'PocketSphinx needs at least one phrase made of dictionary words.',
      );
    }
    const heard = await recognize(samples, this.grammar.jsgf, this.install, {
      timeoutMs: this.options.timeoutMs ?? 10000,
      signal,
    });
    return this.written.get(heard) ?? heard;
  }
}

type Recognizer = (samples: Int16Array, signal: AbortSignal) => Promise<string>;

/**
 * Buffers one utterance at a time. Recognitions run in order, so finals arrive in the order
 * the caller spoke; an utterance with nothing recognized yields a final with empty text.
 */
class PocketsphinxStream implements SttStream {
  private readonly listeners = new Set<(event: SttEvent) => void>();
  private buffered: Int16Array[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly stop = new AbortController();

  constructor(private readonly recognize: Recognizer) {}

  pushAudio(samples: Int16Array): void {
    if (!this.stop.signal.aborted) this.buffered.push(samples);
  }

  endOfSpeech(): void {
    if (this.buffered.length === 0 || this.stop.signal.aborted) return;
    const utterance = concat(this.buffered);
    this.buffered = [];
    this.queue = this.queue.then(async () => {
      try {
        const text = await this.recognize(utterance, this.stop.signal);
        this.emit({ type: 'final', text });
      } catch (err) {
        this.emit({ type: 'error', error: err instanceof Error ? err : new Error(String(err)) });
      }
    });
  }

  discard(): void {
    this.buffered = [];
  }

  onEvent(listener: (event: SttEvent) => void): void {
    this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.buffered = [];
    this.stop.abort();
    await this.queue;
  }

  private emit(event: SttEvent): void {
    if (this.stop.signal.aborted) return;
    for (const listener of this.listeners) listener(event);
  }
}

function concat(parts: Int16Array[]): Int16Array {
  const all = new Int16Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** Creates the PocketSphinx STT; throws ProviderError 'unavailable' when it is not installed. */
export function createPocketsphinxStt(options: PocketsphinxSttOptions): PocketsphinxStt {
  return new PocketsphinxStt(options);
}
