import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDatabase, databaseUrl, dropDatabase } from '../databases';
import { deployMigrations } from './deploy';
import { diffDatabaseToSchema } from './diff';
import type { SchemaFile } from './engine';
import { LOCKFILE_NAME, POSTGRES_LOCKFILE } from './migrations-folder';

export interface NewMigrationOptions {
  /** Any database URL on the server to use; a throwaway database is created next to it. */
  serverUrl: string;
  /** The migrations folder (prisma/migrations) the new one is written to. */
  migrationsDir: string;
  /** The schema the migrations should reach (readSchemaFile). */
  schema: SchemaFile;
  /** Defaults to now; fixes the folder's timestamp prefix. */
  now?: Date;
}

export interface NewMigration {
  name: string;
  dir: string;
  sql: string;
}

/** Prisma Migrate's folder prefix: UTC time as YYYYMMDDHHMMSS. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Lowercase words joined by underscores, as Prisma names migration folders. */
function slug(name: string): string {
  const cleaned = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!cleaned) throw new Error(`Migration name "${name}" has no letters or digits to name a folder with`);
  return cleaned;
}

/**
 * Writes `<timestamp>_<name>/migration.sql` holding the SQL from the current migrations to
 * schema.prisma, or returns null when they already match. The engine's createMigration needs a
 * shadow database it cannot get here, so the existing migrations are applied to a throwaway
 * database, that database is diffed against the schema, then dropped.
 */
export async function createNewMigration(name: string, options: NewMigrationOptions): Promise<NewMigration | null> {
  const folderName = `${timestamp(options.now ?? new Date())}_${slug(name)}`;
  const { migrationsDir } = options;
  const scratch = `parley_migrate_${randomBytes(6).toString('hex')}`;
  await createDatabase(options.serverUrl, scratch);
  let sql: string;
  try {
    const url = databaseUrl(options.serverUrl, scratch);
    await deployMigrations(url, migrationsDir);
    sql = await diffDatabaseToSchema(url, options.schema);
  } finally {
    await dropDatabase(options.serverUrl, scratch);
  }
  if (!sql) return null;
  const dir = join(migrationsDir, folderName);
  if (existsSync(dir)) throw new Error(`Migration folder ${dir} already exists`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'migration.sql'), `${sql}\n`);
  const lockPath = join(migrationsDir, LOCKFILE_NAME);
  if (!existsSync(lockPath)) await writeFile(lockPath, POSTGRES_LOCKFILE);
  return { name: folderName, dir, sql };
}
