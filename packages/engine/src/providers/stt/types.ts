export type SttEvent =
  | { type: 'interim'; text: string }
  | { type: 'final'; text: string; confidence?: number }
  | { type: 'error'; error: Error };

/**
 * One caller's audio in, transcripts out. Streaming providers transcribe continuously;
 * batch providers buffer and transcribe on `endOfSpeech()` (the session calls it when VAD
 * sees speech end), so both fit one interface.
 */
export interface SttStream {
  /** 16 kHz mono PCM. */
  pushAudio(samples: Int16Array): void;
  /** The VAD says the caller stopped talking. */
  endOfSpeech(): void;
  /** Discard buffered audio (e.g. speech while the agent was uninterruptible). */
  discard(): void;
  onEvent(listener: (event: SttEvent) => void): void;
  close(): Promise<void>;
}

export interface Stt {
  readonly id: string;
  /** True when the provider sends finals on its own (endpointing); false for batch. */
  readonly streaming: boolean;
  stream(options: { language: string }): SttStream;
}
