import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in packages/db/src). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The one Prisma schema of the project. */
export const schemaPath = join(repoRoot, 'prisma', 'schema.prisma');

/** Prisma Migrate's folder of migrations. */
export const migrationsDir = join(repoRoot, 'prisma', 'migrations');

/** Where `npm start` keeps its embedded Postgres cluster when no DATABASE_URL is given. */
export const defaultDataDir = join(repoRoot, 'data', 'postgres');
