import type { SessionEventBody } from './events';
import type { GenerationResult } from './generation';
import type { SpeechHandle } from './speech-handle';
import type { SpeechPlayout } from './speech-playout';
import type { TurnMetricsRecorder } from './turn-metrics';

/**
 * A reply started on a final transcript before the turn was over. Its events and audio are
 * held back; it is adopted only if the turn ends with the same text on the same history,
 * otherwise discarded without a trace.
 */
export class PreemptiveReply {
  private readonly heldEvents: SessionEventBody[] = [];
  private decide!: (adopted: boolean) => void;
  /** Resolves true when adopted, false when discarded. */
  readonly adopted = new Promise<boolean>((resolve) => {
    this.decide = resolve;
  });
  private state: 'pending' | 'adopted' | 'discarded' = 'pending';
  result!: Promise<GenerationResult>;
  /** The metrics of the turn that adopted it. */
  metrics: TurnMetricsRecorder | null = null;

  constructor(
    readonly text: string,
    readonly historyLength: number,
    readonly speech: SpeechHandle,
    readonly playout: SpeechPlayout,
    private readonly emit: (body: SessionEventBody) => void,
  ) {}

  /** An emit that holds events until adoption. */
  readonly gatedEmit = (body: SessionEventBody): void => {
    if (this.state === 'adopted') this.emit(body);
    else if (this.state === 'pending') this.heldEvents.push(body);
  };

  /** True when this reply answers exactly `text` after `historyLength` messages. */
  matches(text: string, historyLength: number): boolean {
    return this.state === 'pending' && this.text === text && this.historyLength === historyLength;
  }

  /** The turn ended as predicted: let events and audio out. */
  adopt(): void {
    this.state = 'adopted';
    for (const body of this.heldEvents.splice(0)) this.emit(body);
    this.playout.release();
    this.decide(true);
  }

  /** The turn ended otherwise: drop everything. */
  discard(): void {
    if (this.state !== 'pending') return;
    this.state = 'discarded';
    this.heldEvents.length = 0;
    this.playout.discard();
    this.decide(false);
  }
}
