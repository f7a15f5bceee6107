import type { AddressInfo } from 'node:net';
import { closeDb } from '@parley/db';
import { CallSupervisor } from '../calls/call-supervisor';
import { OperatorKeys } from '../calls/operator-keys';
import type { RuntimeConfig } from '../config';
import { createRuntimeServer } from '../http/runtime-server';
import { scenariosRoute } from '../http/scenarios-route';
import { ProcessPool } from '../isolation/process-pool';
import { LocalCallEndpoint } from '../local/local-call-endpoint';
import type { Logger } from '../log';
import { ScenarioRuns } from '../scenarios/scenario-runs';
import { startLiveKitCalls } from './livekit-calls';
import { checkReadiness } from './readiness';

/** A running runtime service. */
export interface Runtime {
  /** The HTTP/WebSocket port it listens on. */
  port: number;
  /** http://host:port, for clients on this machine. */
  url: string;
  supervisor: CallSupervisor;
  /**
   * Graceful stop: refuses new calls (readyz 503, LiveKit told it is full), lets running calls
   * finish for up to drainTimeoutMs then ends the rest, stores their records, closes the server
   * and the database. Safe to call more than once.
   */
  drain(): Promise<void>;
}

/** Starts the runtime: HTTP server, local-mode WebSocket calls, and LiveKit dispatch when configured. */
export async function startRuntime(config: RuntimeConfig, log: Logger): Promise<Runtime> {
  const pool = new ProcessPool(config.spareProcesses, log);
  const operatorKeys = new OperatorKeys(config.providerKeys, config.keyedWorkspaces);
  const supervisor = new CallSupervisor({
    maxCalls: config.maxCalls,
    pool,
    operatorKeys,
    turnModelsDir: config.turnModelsDir,
    log,
  });
  const calls = new LocalCallEndpoint({ supervisor, secret: config.secret, log });
  const scenarios = scenariosRoute(new ScenarioRuns(operatorKeys, log), config.secret, log);
  const server = createRuntimeServer({ readiness: () => checkReadiness(supervisor), calls, scenarios, log });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const livekit = config.livekit ? startLiveKitCalls(config.livekit, supervisor, log) : null;
  log.info('runtime listening', {
    port,
    maxCalls: config.maxCalls,
    livekit: config.livekit ? { url: config.livekit.url, agentName: config.livekit.agentName } : null,
    signingKeyFrom: config.secretSource,
  });

  let draining: Promise<void> | null = null;
  const drain = async () => {
    log.info('draining', { calls: supervisor.load, timeoutMs: config.drainTimeoutMs });
    livekit?.drain();
    await supervisor.drain(config.drainTimeoutMs);
    await Promise.all([pool.close(), livekit?.close()]);
    calls.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeDb();
    log.info('drained');
  };
  return {
    port,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    supervisor,
    drain: () => {
      draining ??= drain();
      return draining;
    },
  };
}
