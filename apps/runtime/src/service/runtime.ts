import type { AddressInfo } from 'node:net';
import { closeDb } from '@parley/db';
import { CallSupervisor } from '../calls/call-supervisor';
import { OperatorKeys } from '../calls/operator-keys';
import type { RuntimeConfig } from '../config';
import { createRuntimeServer } from '../http/runtime-server';
import { scenariosRoute } from '../http/scenarios-route';
import { ProcessPool } from '../isolation/process-pool';
import { SharedServices } from '../isolation/shared-services';
import { LocalCallEndpoint } from '../local/local-call-endpoint';
import type { Logger } from '../log';
import { openRecordingStore } from '../recordings/open-store';
import { isRecordingsPath, recordingsRoute } from '../recordings/recordings-route';
import { runReplayProcess } from '../recordings/replay-process';
import { startRetentionSweep } from '../recordings/retention-sweep';
import { LeaseKeeper } from '../records/lease-keeper';
import { ScenarioRuns } from '../scenarios/scenario-runs';
import { DeliveryLoop } from '../webhooks/delivery-loop';
import { startLiveKitCalls } from './livekit-calls';
import { runtimeMetrics } from './metrics';
import { checkReadiness } from './readiness';

/** From SIGTERM to SIGKILL for a call process that missed its end deadline. */
const KILL_AFTER_TERM_MS = 2000;

/** A pending call nobody connected to for this long can never start (call tokens last 5 minutes). */
const UNCLAIMED_CALL_MS = 10 * 60_000;
/** Memory admission leaves to the rest of the machine, MB. */
const RESERVE_MEMORY_MB = 256;
/** Longest a replay of one recording may take (a long call replays at >= 30x real time). */
const REPLAY_WALL_MS = 120_000;

/** A running runtime service. */
export interface Runtime {
  /** The HTTP/WebSocket port it listens on. */
  port: number;
  /** http://host:port, for clients on this machine. */
  url: string;
  supervisor: CallSupervisor;
  /** The programs all call processes share (eSpeak NG). */
  services: SharedServices;
  /**
   * Graceful stop: refuses new calls (readyz 503, LiveKit told it is full), lets running calls
   * finish for up to drainTimeoutMs then ends the rest, stores their records, closes the server
   * and the database. Safe to call more than once.
   */
  drain(): Promise<void>;
}

/** Starts the runtime: HTTP server, local-mode WebSocket calls, and LiveKit dispatch when configured. */
export async function startRuntime(config: RuntimeConfig, log: Logger): Promise<Runtime> {
  const metrics = runtimeMetrics;
  const operatorKeys = new OperatorKeys(config.providerKeys, config.keyedWorkspaces);
  const services = new SharedServices(config.turnModelsDir);
  void services.warm();
  const pool = new ProcessPool({
    services,
    min: config.spareProcesses,
    max: config.maxSpareProcesses,
    maxBooting: config.maxBootingProcesses,
    log,
    onQueue: (waiting) => metrics.callStartsWaiting(waiting, log),
  });
  let supervisor: CallSupervisor | null = null;
  const webhooks = new DeliveryLoop(config.webhooks, log);
  const leases = new LeaseKeeper(
    { runtimeId: config.runtimeId, leaseMs: config.leaseMs, unclaimedMs: UNCLAIMED_CALL_MS },
    () => supervisor?.callIds() ?? [],
    log,
    (callIds) => webhooks.callsOver(callIds),
  );
  const running = new CallSupervisor({
    limits: {
      maxCalls: config.maxCalls,
      loadThreshold: config.callLoadThreshold,
      callMemoryMb: config.callMemoryMb,
      reserveMemoryMb: RESERVE_MEMORY_MB,
      maxStartWaitMs: config.maxStartWaitMs,
    },
    pool,
    sharedPids: () => services.pids(),
    metrics,
    operatorKeys,
    turnModelsDir: config.turnModelsDir,
    recordings: config.recordings,
    onCallOver: (callId) => webhooks.callsOver([callId]),
    killDeadline: { graceMs: config.endGraceMs, termMs: KILL_AFTER_TERM_MS },
    leases,
    log,
  });
  supervisor = running;
  // Before taking calls: fail what an earlier run of this runtime left behind.
  await leases.start();
  webhooks.start();
  const recordingStore = await openRecordingStore(config.recordings.store);
  const sweep = startRetentionSweep(recordingStore, config.recordings.sweepMs, log);
  const calls = new LocalCallEndpoint({ supervisor: running, secret: config.secret, log });
  const scenarioRuns = new ScenarioRuns({
    operatorKeys,
    limits: { cpuSeconds: config.scenarioCpuSeconds, wallMs: config.scenarioWallMs },
    runsPerMinute: config.scenarioRunsPerMinute,
    log,
  });
  const scenarios = scenariosRoute(scenarioRuns, config.secret, log);
  const server = createRuntimeServer({
    readiness: () => checkReadiness(running),
    metrics: () => {
      const { ready, booting, waiting, target } = pool.state;
      const { running: callsRunning, starting } = running.counts;
      return metrics.render({
        callsRunning,
        callsStarting: starting,
        sparesReady: ready,
        sparesBooting: booting,
        callStartsWaiting: waiting,
        spareTarget: target,
      });
    },
    calls,
    scenarios,
    recordings: {
      handles: isRecordingsPath,
      serve: recordingsRoute({
        store: recordingStore,
        storeConfig: config.recordings.store,
        secret: config.secret,
        replay: (job) => runReplayProcess(job, REPLAY_WALL_MS),
        log,
      }),
    },
    log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const livekit = config.livekit ? startLiveKitCalls(config.livekit, running, log) : null;
  log.info('runtime listening', {
    port,
    maxCalls: config.maxCalls,
    livekit: config.livekit ? { url: config.livekit.url, agentName: config.livekit.agentName } : null,
    signingKeyFrom: config.secretSource,
  });

  let draining: Promise<void> | null = null;
  const drain = async () => {
    log.info('draining', { calls: running.load, timeoutMs: config.drainTimeoutMs });
    livekit?.drain();
    await running.drain(config.drainTimeoutMs);
    await Promise.all([pool.close(), livekit?.close()]);
    await services.close();
    leases.stop();
    sweep.stop();
    await webhooks.stop();
    calls.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeDb();
    log.info('drained');
  };
  return {
    port,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    supervisor: running,
    services,
    drain: () => {
      draining ??= drain();
      return draining;
    },
  };
}
