import { resolve } from 'node:path';
import { redactUrl } from '../databases';
import { deployMigrations } from './deploy';
import { diffDatabaseToSchema } from './diff';
import { createNewMigration } from './new-migration';
import { readSchemaFile } from './schema-file';

// Run through `npm run db:*`, which runs in the repository root: the paths are relative to it.
const migrationsDir = resolve('prisma', 'migrations');
const schemaPath = resolve('prisma', 'schema.prisma');

const usage = `Usage: tsx packages/db/src/migrate/cli.ts <command>
  deploy        apply pending migrations to DATABASE_URL (like prisma migrate deploy)
  diff          print the SQL that would bring DATABASE_URL to match prisma/schema.prisma
  new <name>    write prisma/migrations/<timestamp>_<name>/ from the migrations to schema.prisma`;

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set; point it at the Postgres database to work on');
  return url;
}

async function main(args: string[]): Promise<void> {
  const [command, name] = args;
  if (command === 'deploy') {
    const url = requireDatabaseUrl();
    const applied = await deployMigrations(url, migrationsDir);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${redactUrl(url)}: ${applied.join(', ')}`
        : `${redactUrl(url)} is up to date; no migration to apply`,
    );
  } else if (command === 'diff') {
    const sql = await diffDatabaseToSchema(requireDatabaseUrl(), await readSchemaFile(schemaPath));
    console.log(sql || '-- The database matches prisma/schema.prisma.');
  } else if (command === 'new' && name) {
    const schema = await readSchemaFile(schemaPath);
    const created = await createNewMigration(name, { serverUrl: requireDatabaseUrl(), migrationsDir, schema });
    console.log(created ? `Wrote ${created.dir}/migration.sql` : `No changes: ${migrationsDir} matches the schema`);
  } else {
    console.error(usage);
    process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
