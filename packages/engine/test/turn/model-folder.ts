import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

type Files = Record<string, string | Uint8Array | object>;

/** A temporary folder with the given files; `remove()` deletes it. */
export function modelFolder(files: Files): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'parley-turn-'));
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content);
    writeFileSync(join(path, name), data);
  }
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A `folder(files)` maker for one test file; every folder it made is deleted after the file's tests. */
export function useModelFolders(): (files: Files) => string {
  const made: { remove(): void }[] = [];
  afterAll(() => {
    for (const folder of made) folder.remove();
  });
  return (files) => {
    const folder = modelFolder(files);
    made.push(folder);
    return folder.path;
  };
}
