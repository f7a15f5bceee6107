import { describeEngineError, noExternalObjects, withSchemaEngine } from './engine';
import { readMigrationsFolder } from './migrations-folder';

/**
 * Applies every pending migration in `migrationsDir` (prisma/migrations) to the database at `url`, recording each in `_prisma_migrations`
 * exactly as `prisma migrate deploy` does. Returns the names applied now (empty when up to date).
 */
export async function deployMigrations(url: string, migrationsDir: string): Promise<string[]> {
  const migrationsList = await readMigrationsFolder(migrationsDir);
  try {
    return await withSchemaEngine(url, undefined, async (engine) => {
      const output = await engine.applyMigrations({ migrationsList, filters: noExternalObjects });
      return output.appliedMigrationNames;
    });
  } catch (error) {
    throw new Error(`Applying migrations from ${migrationsDir} failed: ${describeEngineError(error)}`);
  }
}
