import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

const dataDir = mkdtempSync(join(tmpdir(), 'runtime-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const base = { DATABASE_URL: 'postgres://db/parley', PARLEY_SECRET: 'a-secret-of-sixteen-plus' };

describe('runtime config from the environment', () => {
  it('has defaults for everything but the database', () => {
    expect(loadConfig(base, dataDir)).toEqual({
      databaseUrl: 'postgres://db/parley',
      host: '0.0.0.0',
      port: 3001,
      secret: base.PARLEY_SECRET,
      secretSource: 'env',
      maxCalls: 20,
      drainTimeoutMs: 30_000,
      endGraceMs: 5000,
      runtimeId: expect.stringMatching(/:3001$/),
      leaseMs: 30_000,
      scenarioCpuSeconds: 60,
      scenarioWallMs: 300_000,
      scenarioRunsPerMinute: 10,
      spareProcesses: 2,
      maxSpareProcesses: 8,
      maxBootingProcesses: Math.max(1, availableParallelism() - 1),
      callLoadThreshold: 0.75,
      callMemoryMb: 200,
      maxStartWaitMs: 5000,
      livekit: null,
      providerKeys: {},
      keyedWorkspaces: new Set(),
      turnModelsDir: resolve(dataDir, 'models'),
      webhooks: { retryBaseMs: 30_000, maxAttempts: 6, timeoutMs: 10_000, pollMs: 5000, batch: 10 },
      recordings: { store: { kind: 'fs', dir: resolve(dataDir, 'recordings') }, flushMs: 1000, sweepMs: 3_600_000 },
    });
  });

  it('records into an S3-compatible bucket when one is named, with keys only in pairs', () => {
    const s3 = {
      ...base,
      RECORDINGS_S3_BUCKET: 'calls',
      RECORDINGS_S3_ENDPOINT: 'http://127.0.0.1:9000',
      RECORDINGS_S3_ACCESS_KEY_ID: 'id',
      RECORDINGS_S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(loadConfig(s3, dataDir).recordings.store).toEqual({
      kind: 's3',
      bucket: 'calls',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
    });
    expect(() => loadConfig({ ...s3, RECORDINGS_S3_SECRET_ACCESS_KEY: '' }, dataDir)).toThrow(/go together/);
    expect(() => loadConfig({ ...base, RECORDING_FLUSH_MS: '0' }, dataDir)).toThrow(/RECORDING_FLUSH_MS/);
  });

  it('reads the post-call webhook retry settings', () => {
    const env = { ...base, WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_TIMEOUT_MS: '500' };
    expect(loadConfig(env, dataDir).webhooks).toMatchObject({ retryBaseMs: 20, maxAttempts: 2, timeoutMs: 500 });
    expect(() => loadConfig({ ...base, WEBHOOK_MAX_ATTEMPTS: '0' }, dataDir)).toThrow(/WEBHOOK_MAX_ATTEMPTS/);
  });

  it('lists every bad or missing variable at once', () => {
    expect(() => loadConfig({ RUNTIME_PORT: 'eighty', MAX_CALLS: '0' }, dataDir)).toThrow(
      /DATABASE_URL: DATABASE_URL is required.*RUNTIME_PORT.*MAX_CALLS/,
    );
  });

  it('takes LiveKit settings only all together', () => {
    expect(() => loadConfig({ ...base, LIVEKIT_URL: 'ws://lk:7880' }, dataDir)).toThrow(
      'LiveKit is half configured: set LIVEKIT_API_KEY, LIVEKIT_API_SECRET too, or none of them',
    );
    const config = loadConfig(
      {
        ...base,
        LIVEKIT_URL: 'ws://lk:7880',
        LIVEKIT_API_KEY: 'key',
        LIVEKIT_API_SECRET: 'secret',
        PARLEY_AGENT_NAME: 'front-desk',
      },
      dataDir,
    );
    expect(config.livekit).toEqual({
      url: 'ws://lk:7880',
      apiKey: 'key',
      apiSecret: 'secret',
      agentName: 'front-desk',
      loadThreshold: 0.75,
      loadMargin: 0.1,
    });
  });

  it('reads the worker availability hysteresis and refuses a margin as large as the threshold', () => {
    const livekit = { LIVEKIT_URL: 'ws://lk:7880', LIVEKIT_API_KEY: 'key', LIVEKIT_API_SECRET: 'secret' };
    const config = loadConfig(
      { ...base, ...livekit, WORKER_LOAD_THRESHOLD: '0.9', WORKER_LOAD_MARGIN: '0.2' },
      dataDir,
    );
    expect(config.livekit).toMatchObject({ loadThreshold: 0.9, loadMargin: 0.2 });
    expect(() =>
      loadConfig({ ...base, ...livekit, WORKER_LOAD_THRESHOLD: '0.5', WORKER_LOAD_MARGIN: '0.5' }, dataDir),
    ).toThrow(/WORKER_LOAD_MARGIN.*smaller than WORKER_LOAD_THRESHOLD/);
  });

  it('takes only provider keys from the environment, for no workspace unless PARLEY_ENV_KEYS_WORKSPACES names it', () => {
    const config = loadConfig(
      { ...base, OPENAI_API_KEY: 'sk-1', DEEPGRAM_API_KEY: 'dg', PARLEY_FLOW_SECRET_CRM_TOKEN: 'crm', HOME: '/root' },
      dataDir,
    );
    expect(config.providerKeys).toEqual({ OPENAI_API_KEY: 'sk-1', DEEPGRAM_API_KEY: 'dg' });
    expect(config.keyedWorkspaces).toEqual(new Set());
    expect(loadConfig({ ...base, PARLEY_ENV_KEYS_WORKSPACES: ' w1, w2 ,' }, dataDir).keyedWorkspaces).toEqual(
      new Set(['w1', 'w2']),
    );
    expect(loadConfig({ ...base, PARLEY_ENV_KEYS_WORKSPACES: '*' }, dataDir).keyedWorkspaces).toBe('all');
  });

  it('in development without PARLEY_SECRET uses the dev secret kept under data/', () => {
    const first = loadConfig({ DATABASE_URL: base.DATABASE_URL }, dataDir);
    expect(first.secretSource).toBe('dev-file');
    expect(loadConfig({ DATABASE_URL: base.DATABASE_URL }, dataDir).secret).toBe(first.secret);
    expect(() => loadConfig({ DATABASE_URL: base.DATABASE_URL, NODE_ENV: 'production' }, dataDir)).toThrow(
      /PARLEY_SECRET/,
    );
  });
});
