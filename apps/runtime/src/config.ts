import { join, resolve } from 'node:path';
import { DEFAULT_DATA_DIR, resolveParleySecret } from '@parley/calls';
import { providerCatalog } from '@parley/engine/flow';
import { z } from 'zod';
import { type KeyedWorkspaces, parseKeyedWorkspaces } from './calls/operator-keys';

/** LiveKit server access; when present the runtime also takes calls dispatched by LiveKit. */
export interface LiveKitConfig {
  url: string;
  apiKey: string;
  apiSecret: string;
  agentName: string;
  /** At or above this whole-machine CPU load (0..1) the worker tells LiveKit it is full. */
  loadThreshold: number;
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
  /** Call processes started ahead of time, so a call does not wait for one to boot (~2 s). */
  spareProcesses: number;
  livekit: LiveKitConfig | null;
  /** The operator's provider keys by name (OPENAI_API_KEY...), for built-in provider endpoints only. */
  providerKeys: Record<string, string>;
  /** Workspaces allowed to use providerKeys (PARLEY_ENV_KEYS_WORKSPACES; none by default). */
  keyedWorkspaces: KeyedWorkspaces;
  /** The turn models folder (PARLEY_MODELS_DIR, default data/models): flows choose a model in it by name. */
  turnModelsDir: string;
}

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
  CALL_SPARE_PROCESSES: integer(1, 0),
  LIVEKIT_URL: optionalText,
  LIVEKIT_API_KEY: optionalText,
  LIVEKIT_API_SECRET: optionalText,
  PARLEY_AGENT_NAME: z.string().min(1).default('parley'),
  WORKER_LOAD_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.75),
  PARLEY_MODELS_DIR: optionalText,
});

function livekitConfig(env: z.infer<typeof envSchema>): LiveKitConfig | null {
  const { LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret } = env;
  if (!url && !apiKey && !apiSecret) return null;
  const missing = Object.entries({ LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) throw new Error(`LiveKit is half configured: set ${missing.join(', ')} too, or none of them`);
  return {
    url: url as string,
    apiKey: apiKey as string,
    apiSecret: apiSecret as string,
    agentName: env.PARLEY_AGENT_NAME,
    loadThreshold: env.WORKER_LOAD_THRESHOLD,
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
    spareProcesses: values.CALL_SPARE_PROCESSES,
    livekit: livekitConfig(values),
    providerKeys: providerKeys(env),
    keyedWorkspaces: parseKeyedWorkspaces(env.PARLEY_ENV_KEYS_WORKSPACES),
    turnModelsDir: resolve(values.PARLEY_MODELS_DIR ?? join(dataDir ?? DEFAULT_DATA_DIR, 'models')),
  };
}
