import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// An install script of this package, not library code: it may know the repository's layout.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const schemaPath = join(repoRoot, 'prisma', 'schema.prisma');

/**
 * Generates the Prisma client into packages/db/src/generated (run at install time). The Prisma
 * CLI would otherwise try to download its schema-engine binary, which `generate` never runs;
 * pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file stops that, so this works offline.
 */
function generate(): number {
  const require = createRequire(import.meta.url);
  const cli = join(require.resolve('prisma/package.json'), '..', 'build', 'index.js');
  const result = spawnSync(
    process.execPath,
    [cli, 'generate', '--schema', schemaPath, '--config', join(repoRoot, 'prisma.config.ts')],
    {
      cwd: repoRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? schemaPath,
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
    },
  );
  if (result.error) throw new Error(`Could not run the Prisma CLI at ${cli}: ${result.error.message}`);
  return result.status ?? 1;
}

process.exitCode = generate();
