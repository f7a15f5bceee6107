import { join, resolve } from 'node:path';
import type { S3StoreConfig } from './s3-recording-store';

/** Where recordings go: a folder (default data/recordings) or an S3-compatible bucket. */
export type RecordingStoreConfig = { kind: 'fs'; dir: string } | ({ kind: 's3' } & S3StoreConfig);

export interface RecordingsConfig {
  store: RecordingStoreConfig;
  /** How often a recording call stores what it buffered (what a crash can lose at most). */
  flushMs: number;
  /** How often the retention sweep deletes recordings past their workspace's retention. */
  sweepMs: number;
}

function positive(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(
      `runtime configuration is invalid: ${name}: expected a whole number >= 1, got ${JSON.stringify(raw)}`,
    );
  return value;
}

/**
 * Reads the recording settings: RECORDINGS_S3_BUCKET picks S3 (RECORDINGS_S3_REGION, default
 * us-east-1; RECORDINGS_S3_ENDPOINT for non-AWS servers; RECORDINGS_S3_PREFIX;
 * RECORDINGS_S3_ACCESS_KEY_ID + RECORDINGS_S3_SECRET_ACCESS_KEY, else the SDK's own chain);
 * otherwise PARLEY_RECORDINGS_DIR (default <data dir>/recordings).
 */
export function recordingsConfig(
  env: Readonly<Record<string, string | undefined>>,
  dataDir?: string,
): RecordingsConfig {
  const flushMs = positive(env, 'RECORDING_FLUSH_MS', 1000);
  const sweepMs = positive(env, 'RECORDING_SWEEP_MS', 3_600_000);
  const bucket = env.RECORDINGS_S3_BUCKET;
  if (!bucket) {
    const dir = resolve(env.PARLEY_RECORDINGS_DIR || join(dataDir ?? env.PARLEY_DATA_DIR ?? 'data', 'recordings'));
    return { store: { kind: 'fs', dir }, flushMs, sweepMs };
  }
  const accessKeyId = env.RECORDINGS_S3_ACCESS_KEY_ID;
  const secretAccessKey = env.RECORDINGS_S3_SECRET_ACCESS_KEY;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error(
      'runtime configuration is invalid: RECORDINGS_S3_ACCESS_KEY_ID and RECORDINGS_S3_SECRET_ACCESS_KEY go together',
    );
  }
  return {
    store: {
      kind: 's3',
      bucket,
      region: env.RECORDINGS_S3_REGION || 'us-east-1',
      ...(env.RECORDINGS_S3_ENDPOINT ? { endpoint: env.RECORDINGS_S3_ENDPOINT } : {}),
      ...(env.RECORDINGS_S3_PREFIX ? { prefix: env.RECORDINGS_S3_PREFIX } : {}),
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    },
    flushMs,
    sweepMs,
  };
}
