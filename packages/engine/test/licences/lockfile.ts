/** The parts of package-lock.json (lockfileVersion 3) that the licence checks read. */
export interface LockEntry {
  name?: string;
  version?: string;
  license?: string;
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
export interface Lockfile {
  packages: Record<string, LockEntry>;
}

/** One installed package reached from the start package, with the licence the lockfile records. */
export interface TreePackage {
  path: string;
  license: string | undefined;
}

/**
 * Every package that `start` (a lockfile path such as 'packages/engine') pulls in at run time,
 * itself included: its dependencies, optional and peer dependencies, transitively, each found
 * where Node would find it (the nearest node_modules up the tree; workspace links followed).
 * Throws when a required dependency is not in the lockfile at all.
 */
export function dependencyTree(lock: Lockfile, start: string): TreePackage[] {
  const seen = new Map<string, TreePackage>();
  const queue = [start];
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    if (seen.has(path)) continue;
    const entry = lock.packages[path];
    if (!entry) throw new Error(`package-lock.json has no entry "${path}"`);
    seen.set(path, { path, license: entry.license });
    const optionalPeers = entry.peerDependenciesMeta ?? {};
    const wanted: Array<[string, boolean]> = [
      ...Object.keys(entry.dependencies ?? {}).map((name): [string, boolean] => [name, false]),
      ...Object.keys(entry.optionalDependencies ?? {}).map((name): [string, boolean] => [name, true]),
      ...Object.keys(entry.peerDependencies ?? {}).map((name): [string, boolean] => [
        name,
        optionalPeers[name]?.optional === true,
      ]),
    ];
    for (const [name, optional] of wanted) {
      const found = locate(lock, name, path);
      if (found) queue.push(found);
      // Optional packages for other platforms are not installed, so not in the lockfile.
      else if (!optional) throw new Error(`${path} needs ${name}, which package-lock.json does not hold`);
    }
  }
  return [...seen.values()];
}

/** Where Node resolves `name` from the package at `from`, as a lockfile path. */
function locate(lock: Lockfile, name: string, from: string): string | null {
  for (let dir: string | null = from; dir !== null; dir = parentDir(dir)) {
    const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    const entry = lock.packages[key];
    if (entry) return entry.link && entry.resolved ? entry.resolved : key;
  }
  return null;
}

/** 'node_modules/a/node_modules/b' -> 'node_modules/a' -> '' -> null; 'packages/engine' -> ''. */
function parentDir(dir: string): string | null {
  if (dir === '') return null;
  const nested = dir.lastIndexOf('/node_modules/');
  return nested >= 0 ? dir.slice(0, nested) : '';
}

/**
 * True when an SPDX licence expression binds its user to the GPL (or AGPL): every alternative
 * of an `OR` names it. The LGPL is not counted: it allows use from non-GPL code.
 */
export function isGplBound(license: string): boolean {
  const alternatives = license.replace(/[()]/g, ' ').split(/\s+OR\s+/i);
  return alternatives.every((alternative) => /(^|[^A-Za-z])A?GPL/i.test(alternative));
}
