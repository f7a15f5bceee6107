import { createDatabase, databaseName, databaseUrl } from './databases';
import { startEmbeddedPostgres } from './embedded';
import { deployMigrations } from './migrate/deploy';

export interface ReadyDatabase {
  url: string;
  /** True when an embedded server was started for it (then stop() stops that server). */
  embedded: boolean;
  /** The embedded server's cluster directory (absent for DATABASE_URL). */
  dataDir?: string;
  stop(): Promise<void>;
}

/**
 * Makes a migrated Parley database available: DATABASE_URL when set (its database is created if
 * missing), else database `parley` on an embedded server with its cluster in `dataDir`.
 * Pending migrations from `migrationsDir` are applied either way.
 */
export async function ensureDatabase(options: {
  dataDir: string;
  migrationsDir: string;
  port?: number;
}): Promise<ReadyDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) {
    await createDatabase(given, databaseName(given));
    await deployMigrations(given, options.migrationsDir);
    return { url: given, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port });
  try {
    const url = databaseUrl(server.url, 'parley');
    await createDatabase(server.url, 'parley');
    await deployMigrations(url, options.migrationsDir);
    return { url, embedded: true, dataDir: server.dataDir, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
