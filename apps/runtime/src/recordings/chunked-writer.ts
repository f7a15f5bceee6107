import type { RecordingFile, RecordingStore } from './recording-store';

/** One recording file: bytes buffered in memory and appended to the store as numbered chunks, in order. */
export class ChunkedWriter {
  private parts: Uint8Array[] = [];
  private size = 0;
  private index = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: RecordingStore,
    private readonly callId: string,
    private readonly file: RecordingFile,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Buffers `bytes` (copied) for the next chunk. */
  write(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.parts.push(bytes.slice());
    this.size += bytes.length;
  }

  /** Appends what is buffered as the next chunk; resolves once every chunk so far is stored. */
  flush(): Promise<void> {
    if (this.size > 0) {
      const data = new Uint8Array(this.size);
      let at = 0;
      for (const part of this.parts) {
        data.set(part, at);
        at += part.length;
      }
      this.parts = [];
      this.size = 0;
      const index = this.index++;
      this.chain = this.chain.then(() => this.store.append(this.callId, this.file, index, data)).catch(this.onError);
    }
    return this.chain;
  }
}
