import { loadConfig, type RuntimeConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { type Runtime, startRuntime } from '../../src/service/runtime';
import { TEST_SECRET } from './flows';

/** A runtime started in this process against the test database, with its log lines kept. */
export interface TestRuntime extends Runtime {
  /** Every JSON log line, parsed. */
  logs: Record<string, unknown>[];
  /** ws://host:port/calls/:callId/ws?token=... */
  callUrl(callId: string, token: string): string;
}

/**
 * Starts a runtime on a free port; `overrides` change its config (drain timeout 5 s unless given).
 * Admission by CPU share and by expected start wait is off unless a test sets it: both follow how
 * busy the machine is, which a test must not depend on (calls/admission.test.ts covers them).
 */
export async function startTestRuntime(overrides: Partial<RuntimeConfig> = {}): Promise<TestRuntime> {
  const config = {
    ...loadConfig({
      DATABASE_URL: process.env.DATABASE_URL,
      PARLEY_SECRET: TEST_SECRET,
      RUNTIME_HOST: '127.0.0.1',
      RUNTIME_PORT: '0',
      DRAIN_TIMEOUT_MS: '5000',
    }),
    callLoadThreshold: Number.POSITIVE_INFINITY,
    maxStartWaitMs: Number.POSITIVE_INFINITY,
    ...overrides,
  };
  const logs: Record<string, unknown>[] = [];
  const runtime = await startRuntime(
    config,
    createLogger({}, (line) => logs.push(JSON.parse(line))),
  );
  return {
    ...runtime,
    logs,
    callUrl: (callId, token) =>
      `${runtime.url.replace('http', 'ws')}/calls/${encodeURIComponent(callId)}/ws?token=${encodeURIComponent(token)}`,
  };
}
