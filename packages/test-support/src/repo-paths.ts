import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Test support may know the repository's layout (it is never shipped); the packages under test
// are given these paths instead of finding them.

/** The repository root (this file lives in packages/test-support/src). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The one Prisma schema of the project. */
export const schemaPath = join(repoRoot, 'prisma', 'schema.prisma');

/** Prisma Migrate's folder of migrations. */
export const migrationsDir = join(repoRoot, 'prisma', 'migrations');
