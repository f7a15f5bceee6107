/** Text in, PCM chunks out at `sampleRate`. Called once per sentence by the session. */
export interface Tts {
  readonly id: string;
  readonly sampleRate: number;
  synthesize(text: string, options?: { signal?: AbortSignal }): AsyncIterable<Int16Array>;
}
