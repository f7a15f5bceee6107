import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A copy of this checkout as `git clone` would lay it out (tracked files plus new files not
 * ignored, so uncommitted work is what gets tried), with this checkout's installed node_modules
 * hard-linked in rather than installed again. It sits in a fresh `mkdtemp` folder, which is
 * closed to other users (0700), as a clone under /root would be.
 */
export function copyCheckout(root: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'parley-quick-start-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    try {
      cpSync(join(root, file), join(copy, file));
    } catch (error) {
      // A file deleted in the work tree but still tracked: a clone of the work tree would not have it.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  // What `npm install` made: packages (linked, so the copy costs no space) and the Prisma client.
  execFileSync('cp', ['-al', join(root, 'node_modules'), join(copy, 'node_modules')]);
  const generated = join('packages', 'db', 'src', 'generated');
  cpSync(join(root, generated), join(copy, generated), { recursive: true });
  return copy;
}
