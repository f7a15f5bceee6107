import type { Logger } from '../log';

/** The least time between two warnings of the same kind, so an overloaded runtime does not flood its log. */
const WARN_EVERY_MS = 10_000;

/** What the gauges read at scrape time. */
export interface RuntimeGauges {
  callsRunning: number;
  callsStarting: number;
  sparesReady: number;
  sparesBooting: number;
  callStartsWaiting: number;
  spareTarget: number;
}

/**
 * The runtime's operator signals: counters kept here, gauges read when scraped, served as
 * Prometheus text on GET /metrics. Overload also goes to the log as warnings.
 */
export class RuntimeMetrics {
  /** Seconds of caller audio dropped because it arrived faster than real time. */
  callerAudioDroppedSeconds = 0;
  /** Agent audio frames not sent because the client was not reading. */
  agentAudioDroppedFrames = 0;
  /** Calls the runtime closed to protect itself, by reason. */
  private readonly callsClosed = new Map<string, number>();
  private refusals = 0;
  private queuedStarts = 0;
  private lagWarnings = 0;
  private lastWarned = new Map<string, number>();

  /** Counts a call closed for `reason` (audio_too_fast, client_too_slow). */
  closed(reason: string): void {
    this.callsClosed.set(reason, (this.callsClosed.get(reason) ?? 0) + 1);
  }

  /** A call was refused because the runtime is full. */
  refused(): void {
    this.refusals++;
  }

  /** `waiting` calls wait for a call process (0: none do any more); warns when calls queue up. */
  callStartsWaiting(waiting: number, log: Logger): void {
    if (waiting === 0) return;
    this.queuedStarts++;
    this.warn('queue', log, 'call starts are queueing: calls wait for a call process to boot', { waiting });
  }

  /** A call's process reported its session running behind real time. */
  sessionBehind(log: Logger, fields: Record<string, unknown>): void {
    this.lagWarnings++;
    this.warn(
      `lag:${String(fields.callId)}`,
      log,
      'a call falls behind real time: its VAD and session run late',
      fields,
    );
  }

  /** Prometheus text exposition of every counter and `gauges`. */
  render(gauges: RuntimeGauges): string {
    const lines: string[] = [];
    const metric = (name: string, type: 'counter' | 'gauge', help: string, value: number) =>
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
    metric('parley_calls_running', 'gauge', 'Calls whose session runs.', gauges.callsRunning);
    metric('parley_calls_starting', 'gauge', 'Calls admitted whose session has not started.', gauges.callsStarting);
    metric('parley_call_processes_ready', 'gauge', 'Warm spare call processes.', gauges.sparesReady);
    metric('parley_call_processes_booting', 'gauge', 'Call processes booting.', gauges.sparesBooting);
    metric('parley_call_processes_target', 'gauge', 'Spares the pool aims to keep.', gauges.spareTarget);
    metric('parley_call_starts_waiting', 'gauge', 'Calls waiting for a call process.', gauges.callStartsWaiting);
    metric(
      'parley_call_starts_queued_total',
      'counter',
      'Calls that had to wait for a call process.',
      this.queuedStarts,
    );
    metric('parley_calls_refused_full_total', 'counter', 'Calls refused because the runtime was full.', this.refusals);
    metric('parley_session_behind_realtime_total', 'counter', 'Reports of a session running late.', this.lagWarnings);
    metric(
      'parley_caller_audio_dropped_seconds_total',
      'counter',
      'Caller audio dropped for arriving faster than real time.',
      Number(this.callerAudioDroppedSeconds.toFixed(3)),
    );
    metric(
      'parley_agent_audio_dropped_frames_total',
      'counter',
      'Agent audio frames not sent to a client that was not reading.',
      this.agentAudioDroppedFrames,
    );
    lines.push(
      '# HELP parley_calls_closed_total Calls the runtime closed to protect itself, by reason.',
      '# TYPE parley_calls_closed_total counter',
      ...[...this.callsClosed].map(([reason, count]) => `parley_calls_closed_total{reason="${reason}"} ${count}`),
    );
    return `${lines.join('\n')}\n`;
  }

  private warn(kind: string, log: Logger, message: string, fields: Record<string, unknown>): void {
    const now = performance.now();
    if (now - (this.lastWarned.get(kind) ?? Number.NEGATIVE_INFINITY) < WARN_EVERY_MS) return;
    this.lastWarned.set(kind, now);
    log.warn(message, fields);
  }
}

/** This process's counters (one set per runtime process). */
export const runtimeMetrics = new RuntimeMetrics();
