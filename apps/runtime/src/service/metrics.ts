/**
 * Counters about protection the runtime applied, served at GET /metrics in Prometheus' text
 * format. One set per runtime process.
 */
export class RuntimeMetrics {
  /** Seconds of caller audio dropped because it arrived faster than real time. */
  callerAudioDroppedSeconds = 0;
  /** Agent audio frames not sent because the client was not reading. */
  agentAudioDroppedFrames = 0;
  /** Calls the runtime closed to protect itself, by reason. */
  readonly callsClosed = new Map<string, number>();

  /** Counts a call closed for `reason` (audio_too_fast, client_too_slow). */
  closed(reason: string): void {
    this.callsClosed.set(reason, (this.callsClosed.get(reason) ?? 0) + 1);
  }

  /** The counters in Prometheus text exposition format. */
  render(): string {
    const lines = [
      '# HELP parley_caller_audio_dropped_seconds_total Caller audio dropped for arriving faster than real time.',
      '# TYPE parley_caller_audio_dropped_seconds_total counter',
      `parley_caller_audio_dropped_seconds_total ${Number(this.callerAudioDroppedSeconds.toFixed(3))}`,
      '# HELP parley_agent_audio_dropped_frames_total Agent audio frames not sent to a client that was not reading.',
      '# TYPE parley_agent_audio_dropped_frames_total counter',
      `parley_agent_audio_dropped_frames_total ${this.agentAudioDroppedFrames}`,
      '# HELP parley_calls_closed_total Calls the runtime closed to protect itself, by reason.',
      '# TYPE parley_calls_closed_total counter',
      ...[...this.callsClosed].map(([reason, count]) => `parley_calls_closed_total{reason="${reason}"} ${count}`),
    ];
    return `${lines.join('\n')}\n`;
  }
}

/** This process's counters. */
export const runtimeMetrics = new RuntimeMetrics();
