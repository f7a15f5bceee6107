import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dependencyTree, isGplBound, type Lockfile } from './lockfile';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const lock = JSON.parse(read('package-lock.json')) as Lockfile;
const ENGINE = 'packages/engine';

/** The GPL-bound packages in `start`'s run-time tree, as "path (licence)". */
function gplPackages(lockfile: Lockfile, start: string): string[] {
  return dependencyTree(lockfile, start)
    .filter((pkg) => pkg.license !== undefined && isGplBound(pkg.license))
    .map((pkg) => `${pkg.path} (${pkg.license})`);
}

/** A copy of the lockfile to change. */
function copyOfLock(): Lockfile {
  return structuredClone(lock);
}

describe('licences', () => {
  it("the engine's dependency tree (package-lock.json, walked transitively) holds no GPL package", () => {
    const tree = dependencyTree(lock, ENGINE);
    expect(tree.length).toBeGreaterThan(40); // really walked: the engine pulls in ~50 packages
    expect(tree.map((pkg) => pkg.path)).toContain('node_modules/onnxruntime-common'); // a dependency's dependency
    expect(gplPackages(lock, ENGINE)).toEqual([]);
    // A package with no recorded licence could be GPL: every one must state its licence.
    expect(tree.filter((pkg) => !pkg.license).map((pkg) => pkg.path)).toEqual([]);
  });

  it('catches a GPL package added to the engine, directly or deep in its tree', () => {
    const direct = copyOfLock();
    const engine = direct.packages[ENGINE];
    if (!engine) throw new Error('no engine entry');
    engine.dependencies = { ...engine.dependencies, 'espeak-ng': '^1.0.2' };
    expect(gplPackages(direct, ENGINE)).toEqual(['node_modules/espeak-ng (GPL-3.0-or-later)']);

    const viaWorkspace = copyOfLock();
    const engineAgain = viaWorkspace.packages[ENGINE];
    if (!engineAgain) throw new Error('no engine entry');
    engineAgain.dependencies = { ...engineAgain.dependencies, '@parley/espeak': '*' };
    expect(gplPackages(viaWorkspace, ENGINE).sort()).toEqual([
      'node_modules/espeak-ng (GPL-3.0-or-later)',
      'packages/espeak (GPL-3.0-or-later)',
    ]);

    const deep = copyOfLock();
    deep.packages['node_modules/onnxruntime-common/node_modules/copyleft'] = {
      version: '1.0.0',
      license: 'AGPL-3.0-only',
    };
    const common = deep.packages['node_modules/onnxruntime-common'];
    if (!common) throw new Error('no onnxruntime-common entry');
    common.dependencies = { ...common.dependencies, copyleft: '1.0.0' };
    expect(gplPackages(deep, ENGINE)).toEqual([
      'node_modules/onnxruntime-common/node_modules/copyleft (AGPL-3.0-only)',
    ]);
  });

  it('reads SPDX expressions: GPL and AGPL bind, LGPL and a permissive alternative do not', () => {
    expect(['GPL-3.0-or-later', 'AGPL-3.0-only', 'GPL-2.0 OR GPL-3.0', 'MIT AND GPL-2.0'].map(isGplBound)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['MIT', 'LGPL-3.0-or-later', '(MIT OR GPL-3.0)', 'Apache-2.0 AND LGPL-3.0-or-later'].map(isGplBound),
    ).toEqual([false, false, false, false]);
  });

  it("the engine's source never imports the GPL package's code", () => {
    const sources = (readdirSync(join(ROOT, ENGINE, 'src'), { recursive: true }) as string[]).filter((file) =>
      file.endsWith('.ts'),
    );
    expect(sources.length).toBeGreaterThan(50);
    const importing = sources.filter((file) =>
      /(from\s+|import\s*\(\s*|require\s*\(\s*)['"](espeak-ng|@parley\/espeak)(\/[^'"]*)?['"]/.test(
        read(join(ENGINE, 'src', file)),
      ),
    );
    expect(importing).toEqual([]);
  });

  it('states the licence of every package: LICENSE files, package.json fields and the NOTICE', () => {
    expect(read('LICENSE')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    expect(read('packages/espeak/LICENSE')).toMatch(/GNU GENERAL PUBLIC LICENSE\s+Version 3, 29 June 2007/);
    const root = lock.packages[''];
    const workspaces = (root as { workspaces?: string[] }).workspaces ?? [];
    expect(workspaces).toContain('packages/espeak');
    const declared = Object.fromEntries(
      ['', ...workspaces].map((dir) => [
        dir || '.',
        (JSON.parse(read(join(dir, 'package.json'))) as { license?: string }).license,
      ]),
    );
    expect(declared).toEqual({
      '.': 'Apache-2.0',
      'packages/engine': 'Apache-2.0',
      'packages/espeak': 'GPL-3.0-or-later',
      'packages/db': 'Apache-2.0',
      'packages/calls': 'Apache-2.0',
      'packages/cli': 'Apache-2.0',
      'packages/test-support': 'Apache-2.0',
      'apps/runtime': 'Apache-2.0',
      'apps/web': 'Apache-2.0',
    });
  });

  it("the NOTICE names every workspace's direct dependencies with the licence the lockfile records", () => {
    const notice = read('NOTICE');
    const missing: string[] = [];
    for (const dir of ['', ...((lock.packages[''] as { workspaces?: string[] }).workspaces ?? [])]) {
      const entry = lock.packages[dir];
      const names = Object.keys({ ...entry?.dependencies, ...entry?.devDependencies }).filter(
        (name) => !name.startsWith('@parley/'),
      );
      for (const name of names) {
        const installed =
          lock.packages[`${dir ? `${dir}/` : ''}node_modules/${name}`] ?? lock.packages[`node_modules/${name}`];
        const line = `- ${name}: ${installed?.license}`;
        if (!notice.includes(line)) missing.push(line);
      }
    }
    expect(missing).toEqual([]);
  });
});
