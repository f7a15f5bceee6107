import { randomUUID } from 'node:crypto';
import { availableParallelism, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveParleySecret } from '@parley/calls';
import { providerCatalog } from '@parley/engine/flow';
import { z } from 'zod';
import { type KeyedWorkspaces, parseKeyedWorkspaces } from './calls/operator-keys';
import { type RecordingsConfig, recordingsConfig } from './recordings/recordings-config';
import type { DeliveryLoopOptions } from './webhooks/delivery-loop';

/** LiveKit server access; when present the runtime also takes calls dispatched by LiveKit. */
export interface LiveKitConfig {
  url: string;
  apiKey: string;
  apiSecret: string;
  agentName: string;
  /** At or above this whole-machine CPU load (0..1) the worker tells LiveKit it is full. */
  loadThreshold: number;
  /** Once full, the worker is available again only below loadThreshold - loadMargin. */
  loadMargin: number;
}

/** Everything the runtime reads from its environment, parsed once at start. */
export interface RuntimeConfig {
  databaseUrl: string;
  host: string;
  port: number;
  /** Signs and verifies call tokens; shared with the web app. */
  secret: string;
  secretSource: 'env' | 'dev-file';
  maxCalls: number;
  drainTimeoutMs: number;
  /** This runtime's id in call leases: stable across its restarts, unique among runtimes. */
  runtimeId: string;
  /** How long a call's lease lasts without renewal. */
  leaseMs: number;
  /** Once a call ends (hang-up, end, session done), how long its process may take to exit before it is killed. */
  endGraceMs: number;
  /** CPU seconds one scenario run may use (its process is stopped by the kernel past it). */
  scenarioCpuSeconds: number;
  /** Wall time one scenario run may take. */
  scenarioWallMs: number;
  /** Scenario runs one workspace may start a minute. */
  scenarioRunsPerMinute: number;
  /** Warm call processes kept at least, so a call does not wait for one to boot. */
  spareProcesses: number;
  /** Warm call processes kept at most, however fast calls arrive. */
  maxSpareProcesses: number;
  /** Call processes booting at once, at most. */
  maxBootingProcesses: number;
  /** Share of all CPU cores (0..1) the runtime's calls may use; above it (counting starting calls) new calls are refused. */
  callLoadThreshold: number;
  /** Memory one call process needs, MB: admission keeps that much free per starting call. */
  callMemoryMb: number;
  /** Longest expected wait for a call process before new calls are refused, ms. */
  maxStartWaitMs: number;
  livekit: LiveKitConfig | null;
  /** The operator's provider keys by name (OPENAI_API_KEY...), for built-in provider endpoints only. */
  providerKeys: Record<string, string>;
  /** Workspaces allowed to use providerKeys (PARLEY_ENV_KEYS_WORKSPACES; none by default). */
  keyedWorkspaces: KeyedWorkspaces;
  /** The turn models folder (PARLEY_MODELS_DIR, default data/models): flows choose a model in it by name. */
  turnModelsDir: string;
  /** Post-call webhook sending and retries. */
  webhooks: DeliveryLoopOptions;
  /** Call recordings: the store and how often it is written and swept. */
  recordings: RecordingsConfig;
}

/** Post-call webhooks one runtime sends at once. */
const WEBHOOK_BATCH = 10;

const integer = (fallback: number, min: number) => z.coerce.number().int().min(min).default(fallback);
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const envSchema = z.object({
  DATABASE_URL: z.string({ error: 'DATABASE_URL is required (postgres://...)' }).min(1, 'DATABASE_URL is empty'),
  RUNTIME_HOST: z.string().min(1).default('0.0.0.0'),
  RUNTIME_PORT: integer(3001, 0).pipe(z.number().max(65535)),
  MAX_CALLS: integer(20, 1),
  DRAIN_TIMEOUT_MS: integer(30_000, 0),
  CALL_END_GRACE_MS: integer(5000, 0),
  RUNTIME_ID: optionalText,
  CALL_LEASE_MS: integer(30_000, 300),
  SCENARIO_CPU_SECONDS: integer(60, 1),
  SCENARIO_WALL_MS: integer(300_000, 1000),
  SCENARIO_RUNS_PER_MINUTE: integer(10, 1),
  CALL_SPARE_PROCESSES: integer(2, 0),
  CALL_SPARE_PROCESSES_MAX: integer(8, 0),
  CALL_MAX_BOOTING: integer(Math.max(1, availableParallelism() - 1), 1),
  CALL_LOAD_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.75),
  CALL_MEMORY_MB: integer(200, 1),
  CALL_MAX_START_WAIT_MS: integer(5000, 0),
  LIVEKIT_URL: optionalText,
  LIVEKIT_API_KEY: optionalText,
  LIVEKIT_API_SECRET: optionalText,
  PARLEY_AGENT_NAME: z.string().min(1).default('parley'),
  WORKER_LOAD_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.75),
  WORKER_LOAD_MARGIN: z.coerce.number().min(0).max(1).default(0.1),
  PARLEY_MODELS_DIR: optionalText,
  WEBHOOK_RETRY_BASE_MS: integer(30_000, 1),
  WEBHOOK_MAX_ATTEMPTS: integer(6, 1),
  WEBHOOK_TIMEOUT_MS: integer(10_000, 100),
  WEBHOOK_POLL_MS: integer(5000, 10),
});

function livekitConfig(env: z.infer<typeof envSchema>): LiveKitConfig | null {
  const { LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret } = env;
  if (!url && !apiKey && !apiSecret) return null;
  const missing = Object.entries({ LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) throw new Error(`LiveKit is half configured: set ${missing.join(', ')} too, or none of them`);
  if (env.WORKER_LOAD_MARGIN >= env.WORKER_LOAD_THRESHOLD) {
    throw new Error(
      `WORKER_LOAD_MARGIN (${env.WORKER_LOAD_MARGIN}) must be smaller than WORKER_LOAD_THRESHOLD (${env.WORKER_LOAD_THRESHOLD}), or the worker would never be available again once full`,
    );
  }
  return {
    url: url as string,
    apiKey: apiKey as string,
    apiSecret: apiSecret as string,
    agentName: env.PARLEY_AGENT_NAME,
    loadThreshold: env.WORKER_LOAD_THRESHOLD,
    loadMargin: env.WORKER_LOAD_MARGIN,
  };
}

/** The secret names provider catalog entries need (OPENAI_API_KEY, DEEPGRAM_API_KEY...). */
function providerSecretNames(): Set<string> {
  const names = new Set<string>();
  for (const kind of Object.values(providerCatalog)) {
    for (const entry of Object.values(kind as Record<string, { secret: string | null }>))
      if (entry.secret) names.add(entry.secret);
  }
  return names;
}

function providerKeys(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const name of providerSecretNames()) {
    const value = env[name];
    if (value) keys[name] = value;
  }
  return keys;
}

/**
 * Host and port name a runtime across restarts; on a random port (0, tests) there is nothing
 * stable, so the id is random and only lease expiry clears what such a runtime leaves.
 */
function defaultRuntimeId(port: number): string {
  return port === 0 ? `${hostname()}:${randomUUID()}` : `${hostname()}:${port}`;
}

/** Parses the runtime's environment; throws one error listing every bad or missing variable. */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  dataDir?: string,
): RuntimeConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`runtime configuration is invalid: ${problems}`);
  }
  const values = parsed.data;
  const { secret, source } = resolveParleySecret(env, dataDir);
  return {
    databaseUrl: values.DATABASE_URL,
    host: values.RUNTIME_HOST,
    port: values.RUNTIME_PORT,
    secret,
    secretSource: source,
    maxCalls: values.MAX_CALLS,
    drainTimeoutMs: values.DRAIN_TIMEOUT_MS,
    endGraceMs: values.CALL_END_GRACE_MS,
    runtimeId: values.RUNTIME_ID ?? defaultRuntimeId(values.RUNTIME_PORT),
    leaseMs: values.CALL_LEASE_MS,
    spareProcesses: values.CALL_SPARE_PROCESSES,
    scenarioCpuSeconds: values.SCENARIO_CPU_SECONDS,
    scenarioWallMs: values.SCENARIO_WALL_MS,
    scenarioRunsPerMinute: values.SCENARIO_RUNS_PER_MINUTE,
    maxSpareProcesses: Math.max(values.CALL_SPARE_PROCESSES, values.CALL_SPARE_PROCESSES_MAX),
    maxBootingProcesses: values.CALL_MAX_BOOTING,
    callLoadThreshold: values.CALL_LOAD_THRESHOLD,
    callMemoryMb: values.CALL_MEMORY_MB,
    maxStartWaitMs: values.CALL_MAX_START_WAIT_MS,
    livekit: livekitConfig(values),
    providerKeys: providerKeys(env),
    keyedWorkspaces: parseKeyedWorkspaces(env.PARLEY_ENV_KEYS_WORKSPACES),
    turnModelsDir: resolve(values.PARLEY_MODELS_DIR ?? join(dataDir ?? env.PARLEY_DATA_DIR ?? 'data', 'models')),
    webhooks: {
      retryBaseMs: values.WEBHOOK_RETRY_BASE_MS,
      maxAttempts: values.WEBHOOK_MAX_ATTEMPTS,
      timeoutMs: values.WEBHOOK_TIMEOUT_MS,
      pollMs: values.WEBHOOK_POLL_MS,
      batch: WEBHOOK_BATCH,
    },
    recordings: recordingsConfig(env, dataDir),
  };
}
