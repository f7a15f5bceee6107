import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkCallId, type RecordingFile, type RecordingStore } from './recording-store';

/** Recordings in a folder (default data/recordings): one folder per call, files appended chunk by chunk. */
export class FsRecordingStore implements RecordingStore {
  constructor(readonly dir: string) {}

  async append(callId: string, file: RecordingFile, index: number, bytes: Uint8Array): Promise<void> {
    const folder = join(this.dir, checkCallId(callId));
    await mkdir(folder, { recursive: true });
    // Chunk 0 starts the file afresh; later ones append, so what was written survives a crash.
    if (index === 0) await writeFile(join(folder, file), bytes);
    else await appendFile(join(folder, file), bytes);
  }

  async read(callId: string, file: RecordingFile): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(join(this.dir, checkCallId(callId), file)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(callId: string): Promise<void> {
    await rm(join(this.dir, checkCallId(callId)), { recursive: true, force: true });
  }
}
