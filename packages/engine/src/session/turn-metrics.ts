import type { TurnMetrics } from './events';

/**
 * Collects one user turn's timings (session time, ms) and derives the metrics event.
 * engineOverhead runs from the moment the turn was decided and transcribed (whichever came
 * last) to the first TTS request, minus the time spent waiting on providers (LLM, tools) in
 * between: what the engine itself cost.
 */
export class TurnMetricsRecorder {
  private llmTtft: number | null = null;
  private ttsTtfb: number | null = null;
  private providerMs = 0;
  private firstTtsRequestAt: number | null = null;
  private firstAudioAt: number | null = null;

  constructor(
    readonly turn: number,
    readonly agentId: string,
    private readonly speechEndAt: number,
    private readonly decidedAt: number,
    private readonly transcriptAt: number | null,
  ) {}

  /** LLM time to first token of the reply's first round. */
  llmFirstToken(ms: number): void {
    this.llmTtft ??= ms;
  }

  /** Time spent waiting on a provider or tool; counts only before the first TTS request. */
  providerTime(ms: number): void {
    if (this.firstTtsRequestAt === null) this.providerMs += ms;
  }

  /** Right before a TTS request. */
  ttsRequest(at: number): void {
    this.firstTtsRequestAt ??= at;
  }

  /** First audio of a TTS response, `ms` after its request. */
  ttsFirstByte(ms: number): void {
    this.ttsTtfb ??= ms;
  }

  /** The output began playing the reply's first audio (not merely received it). */
  firstAudio(at: number): void {
    this.firstAudioAt ??= at;
  }

  /** When the engine could start replying: the turn was decided and its transcript was in. */
  private turnReadyAt(): number {
    return Math.max(this.decidedAt, this.transcriptAt ?? this.decidedAt);
  }

  /** The metrics as they stand. */
  metrics(): TurnMetrics {
    const round = (ms: number | null) => (ms === null ? null : Math.round(ms * 100) / 100);
    return {
      turn: this.turn,
      agentId: this.agentId,
      endOfUtteranceDelay: round(this.decidedAt - this.speechEndAt) ?? 0,
      transcriptionDelay: round(this.transcriptAt === null ? null : Math.max(0, this.transcriptAt - this.speechEndAt)),
      llmTtft: round(this.llmTtft),
      ttsTtfb: round(this.ttsTtfb),
      voiceToVoice: round(this.firstAudioAt === null ? null : this.firstAudioAt - this.speechEndAt),
      engineOverhead: round(
        this.firstTtsRequestAt === null
          ? null
          : Math.max(0, this.firstTtsRequestAt - this.turnReadyAt() - this.providerMs),
      ),
    };
  }
}
