import { join } from 'node:path';

// The scripts live in scripts/ at the repository root; they tell the packages and apps where
// things are (the packages never work it out from their own location).

/** The repository root. */
export const repoRoot = join(import.meta.dirname, '..');

/** Local state of `npm start` (gitignored): the embedded database cluster, dev secrets and keys. */
export const dataDir = join(repoRoot, 'data');

/** Prisma Migrate's folder of migrations. */
export const migrationsDir = join(repoRoot, 'prisma', 'migrations');
