import {
  type Job,
  JobStatus,
  JobType,
  ParticipantPermission,
  ServerMessage,
  WorkerMessage,
  WorkerStatus,
} from '@livekit/protocol';
import WebSocket from 'ws';
import type { LiveKitConfig } from '../config';
import type { Logger } from '../log';
import { isFull } from './availability';
import { agentSocketUrl, workerToken } from './worker-token';

/** A job the server offers; the worker decides whether to take it. */
export interface JobOffer {
  job: Job;
  resuming: boolean;
}

export type JobDecision =
  | { accept: true; identity: string; name?: string; attributes?: Record<string, string> }
  | { accept: false; reason: string };

export interface JobAssignmentInfo {
  job: Job;
  /** Where to join: the assignment's URL, else the worker's server URL. */
  url: string;
  token: string;
}

/** The server, credentials and availability thresholds (LiveKitConfig), plus what the worker calls back. */
export interface AgentWorkerOptions extends LiveKitConfig {
  measureLoad(): number;
  jobCount(): number;
  decide(offer: JobOffer): JobDecision | Promise<JobDecision>;
  onAssignment(assignment: JobAssignmentInfo): void;
  onTermination(jobId: string): void;
  log: Logger;
  version?: string;
  loadIntervalMs?: number;
  pingIntervalMs?: number;
  backoff?: { initialMs: number; maxMs: number };
}

/** LiveKit's agent-name participant attribute, so frontends can find the agent. */
const AGENT_NAME_ATTRIBUTE = 'lk.agent.name';

/**
 * Registers this runtime with a LiveKit server as an agent worker (WebSocket `/agent`,
 * protobuf WorkerMessage/ServerMessage), answers job offers, reports load every 2.5 s and
 * reconnects with backoff. LiveKit spreads jobs over every registered worker.
 */
export class AgentWorker {
  private socket: WebSocket | null = null;
  private closed = false;
  private draining = false;
  private status: WorkerStatus = WorkerStatus.WS_AVAILABLE;
  private workerId: string | null = null;
  private registrationWaiters: ((id: string) => void)[] = [];
  private timers: NodeJS.Timeout[] = [];
  private attempt = 0;
  private readonly loadIntervalMs: number;
  private readonly pingIntervalMs: number;
  private readonly backoff: { initialMs: number; maxMs: number };

  constructor(private readonly options: AgentWorkerOptions) {
    this.loadIntervalMs = options.loadIntervalMs ?? 2500;
    this.pingIntervalMs = options.pingIntervalMs ?? 10000;
    this.backoff = options.backoff ?? { initialMs: 500, maxMs: 10000 };
  }

  /** Starts connecting; keeps the registration alive until close(). */
  start(): void {
    void this.connect();
  }

  /** Resolves with the worker id at the next (or current) successful registration. */
  registered(): Promise<string> {
    if (this.workerId && this.socket?.readyState === WebSocket.OPEN) return Promise.resolve(this.workerId);
    return new Promise((resolve) => this.registrationWaiters.push(resolve));
  }

  /** Whether the server currently sees this worker as available or full. */
  get available(): boolean {
    return this.status === WorkerStatus.WS_AVAILABLE;
  }

  /** Reports a job's state to the server (running, success, failed with a reason). */
  updateJob(jobId: string, status: JobStatus, error = ''): void {
    this.send(new WorkerMessage({ message: { case: 'updateJob', value: { jobId, status, error } } }));
  }

  /** Stops taking jobs (reports WS_FULL); running jobs go on. */
  drain(): void {
    this.draining = true;
    this.reportLoad();
  }

  /** Closes the connection for good. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimers();
    const socket = this.socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.close(1000, 'worker closing');
    });
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const { log } = this.options;
    let token: string;
    try {
      token = await workerToken(this.options.apiKey, this.options.apiSecret);
    } catch (error) {
      log.error('cannot mint a worker token', { error: String(error) });
      return this.retry();
    }
    const socket = new WebSocket(agentSocketUrl(this.options.url), { headers: { authorization: `Bearer ${token}` } });
    this.socket = socket;
    socket.binaryType = 'nodebuffer';
    socket.on('open', () => this.register());
    socket.on('message', (data, isBinary) => {
      if (!isBinary) {
        log.warn('ignoring a text frame from the LiveKit server');
        return;
      }
      this.handle(ServerMessage.fromBinary(new Uint8Array(data as Buffer)));
    });
    socket.on('error', (error) => log.warn('LiveKit worker socket error', { error: error.message }));
    socket.on('close', (code) => {
      this.clearTimers();
      if (this.socket === socket) this.socket = null;
      if (!this.closed) {
        log.warn('LiveKit worker connection closed; reconnecting', { code });
        this.retry();
      }
    });
  }

  private retry(): void {
    if (this.closed) return;
    this.attempt += 1;
    const delay = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** (this.attempt - 1));
    this.timers.push(setTimeout(() => void this.connect(), delay));
  }

  private register(): void {
    this.send(
      new WorkerMessage({
        message: {
          case: 'register',
          value: {
            type: JobType.JT_ROOM,
            agentName: this.options.agentName,
            version: this.options.version ?? '0.1.0',
            allowedPermissions: new ParticipantPermission({
              canPublish: true,
              canSubscribe: true,
              canPublishData: true,
              canUpdateMetadata: true,
              agent: true,
            }),
          },
        },
      }),
    );
  }

  private handle(message: ServerMessage): void {
    const { log } = this.options;
    switch (message.message.case) {
      case 'register': {
        this.workerId = message.message.value.workerId;
        this.attempt = 0;
        log.info('registered with LiveKit as an agent worker', {
          workerId: this.workerId,
          agentName: this.options.agentName,
        });
        this.startTimers();
        this.reportLoad();
        for (const resolve of this.registrationWaiters.splice(0)) resolve(this.workerId);
        break;
      }
      case 'availability': {
        const { job, resuming } = message.message.value;
        if (job) void this.answerOffer({ job, resuming });
        break;
      }
      case 'assignment': {
        const { job, url, token } = message.message.value;
        if (!job) return;
        this.options.onAssignment({ job, url: url || this.options.url, token });
        break;
      }
      case 'termination':
        this.options.onTermination(message.message.value.jobId);
        break;
      case 'pong':
        break;
      default:
        break;
    }
  }

  private async answerOffer(offer: JobOffer): Promise<void> {
    const jobId = offer.job.id;
    let decision: JobDecision;
    if (this.draining) decision = { accept: false, reason: 'draining' };
    else if (!this.available) decision = { accept: false, reason: 'full' };
    else {
      try {
        decision = await this.options.decide(offer);
      } catch (error) {
        decision = { accept: false, reason: String(error) };
      }
    }
    if (!decision.accept) {
      this.options.log.info('declined a job', { jobId, reason: decision.reason });
      this.send(new WorkerMessage({ message: { case: 'availability', value: { jobId, available: false } } }));
      return;
    }
    this.send(
      new WorkerMessage({
        message: {
          case: 'availability',
          value: {
            jobId,
            available: true,
            participantIdentity: decision.identity,
            participantName: decision.name ?? this.options.agentName,
            participantAttributes: { ...decision.attributes, [AGENT_NAME_ATTRIBUTE]: this.options.agentName },
          },
        },
      }),
    );
  }

  private startTimers(): void {
    this.clearTimers();
    this.timers.push(setInterval(() => this.reportLoad(), this.loadIntervalMs));
    this.timers.push(
      setInterval(() => {
        this.send(new WorkerMessage({ message: { case: 'ping', value: { timestamp: BigInt(Date.now()) } } }));
      }, this.pingIntervalMs),
    );
  }

  private reportLoad(): void {
    const load = this.draining ? 1 : this.options.measureLoad();
    const full = this.draining || isFull(load, this.status === WorkerStatus.WS_FULL, this.options);
    const status = full ? WorkerStatus.WS_FULL : WorkerStatus.WS_AVAILABLE;
    if (status !== this.status) {
      this.options.log.info(full ? 'worker full' : 'worker available', {
        load,
        threshold: this.options.loadThreshold,
        margin: this.options.loadMargin,
      });
    }
    this.status = status;
    this.send(
      new WorkerMessage({
        message: { case: 'updateWorker', value: { status, load, jobCount: this.options.jobCount() } },
      }),
    );
  }

  private send(message: WorkerMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(message.toBinary());
  }

  private clearTimers(): void {
    for (const timer of this.timers.splice(0)) clearTimeout(timer);
  }
}

export { JobStatus };
