import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * A `folder(files)` maker for one test file: each folder is a model in one models folder of the
 * file's own (`dirname(path)`), named `model-1`, `model-2`...; all are deleted after the tests.
 */
export function useModelFolders(): (files: Files) => string {
  let parent: string | undefined;
  let count = 0;
  afterAll(() => {
    if (parent) rmSync(parent, { recursive: true, force: true });
  });
  return (files) => {
    parent ??= mkdtempSync(join(tmpdir(), 'parley-models-'));
    const path = join(parent, `model-${++count}`);
    mkdirSync(path);
    for (const [name, content] of Object.entries(files)) {
      const data = typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content);
      writeFileSync(join(path, name), data);
    }
    return path;
  };
}
