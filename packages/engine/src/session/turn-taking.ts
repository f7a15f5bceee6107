import type { TurnHandling } from '../flow/settings';
import type { ChatMessage } from '../providers/llm/types';
import { endOfTurnVerdict } from '../providers/turn/thresholds';
import type { EndOfTurnDetector } from '../providers/turn/types';
import type { Clock, TimerHandle } from './clock';
import type { Endpointing } from './endpointing';
import type { SessionEventBody } from './events';

type Mode = TurnHandling['turnDetection'];

/** A finished user turn, with the timings metrics need (session time, ms). */
export interface UserTurn {
  text: string;
  mode: Mode;
  probability: number | null;
  /** Real end of the user's speech (VAD), or the commit time for typed/manual turns. */
  speechEndAt: number;
  decidedAt: number;
  transcriptAt: number | null;
  delay: number;
  /** The turn followed speech the VAD heard (false for typed input or a commit with no speech). */
  heardSpeech: boolean;
}

export interface TurnTakingOptions {
  clock: Clock;
  /** The active agent's settings (they change on handoff). */
  settings: () => TurnHandling;
  language: string;
  /** Present when an STT transcribes the caller; `streaming` STTs send finals on their own. */
  stt: { streaming: boolean } | null;
  endpointing: Endpointing;
  detector: EndOfTurnDetector | null;
  chat: () => readonly ChatMessage[];
  emit: (body: SessionEventBody) => void;
  onTurn: (turn: UserTurn) => void;
  /** A final transcript arrived before the turn ended (preemptive generation may start). */
  onFinalTranscript?: (text: string) => void;
}

/**
 * Decides when the user's turn is over, per mode: `vad` waits the endpointing delay after the
 * real end of speech; `stt` also needs the STT's final transcript; `model` asks the end-of-turn
 * detector and waits minDelay above its threshold, maxDelay below (or on no answer);
 * `manual` only ends turns on commit(). `realtime_llm` turns belong to the realtime provider.
 * Batch STTs transcribe at the end of speech, so a turn also waits for that final.
 */
export class TurnTaking {
  private speaking = false;
  private speechEndAt: number | null = null;
  private finals: string[] = [];
  private transcriptAt: number | null = null;
  private awaitingFinal = false;
  private timer: TimerHandle | null = null;
  private decided: Omit<UserTurn, 'text' | 'transcriptAt' | 'heardSpeech'> | null = null;
  private prediction: AbortController | null = null;
  /** Real end of speech of the last turn, until its turn-end pause is measured. */
  private endedTurnAt: number | null = null;
  /** Real end of speech of the turn the agent is answering, while the caller may still resume it. */
  private answeredTurnAt: number | null = null;
  private userAudio: Int16Array | undefined;

  constructor(private readonly options: TurnTakingOptions) {}

  /** True while a turn end is being decided (waiting out a delay, a prediction or a final transcript). */
  get deciding(): boolean {
    return this.timer !== null || this.prediction !== null || this.decided !== null || this.awaitingFinal;
  }

  /** The transcript of the turn in progress. */
  get pendingText(): string {
    return this.finals.join(' ').trim();
  }

  /** VAD: the user started speaking at session time `at`. */
  speechStarted(at: number): void {
    this.speaking = true;
    this.cancelDecision();
    const { endpointing } = this.options;
    if (this.endedTurnAt !== null) endpointing.onTurnEndPause(at - this.endedTurnAt);
    else if (this.speechEndAt !== null) endpointing.onPauseWithinTurn(at - this.speechEndAt);
    else if (this.answeredTurnAt !== null && at - this.answeredTurnAt <= this.options.settings().endpointing.maxDelay) {
      // The caller went on within the longest wait we would allow a pause: the agent cut that
      // pause short, so it counts as the caller's turn-end pause too. Without this, a delay only
      // ever learns the agent's own reply latency and never grows for a caller who pauses.
      endpointing.onTurnEndPause(at - this.answeredTurnAt);
    }
    this.endedTurnAt = null;
    this.answeredTurnAt = null;
  }

  /** VAD: the user's speech really ended at session time `at`; `audio` is the utterance at 16 kHz. */
  speechEnded(at: number, audio?: Int16Array): void {
    this.speaking = false;
    this.speechEndAt = at;
    this.userAudio = audio;
    if (this.options.stt && !this.options.stt.streaming) this.awaitingFinal = true;
    void this.evaluate();
  }

  /** STT: a final transcript (possibly empty) of the user's latest speech. */
  finalTranscript(text: string): void {
    this.awaitingFinal = false;
    if (text.trim()) {
      this.finals.push(text.trim());
      this.transcriptAt = this.options.clock.now();
      if (!this.speaking) this.options.onFinalTranscript?.(this.pendingText);
    }
    if (this.decided) this.commit();
    else void this.evaluate();
  }

  /** The agent's first audio of a reply: the pause that ended the user's turn is over. */
  agentStartedSpeaking(at: number): void {
    if (this.endedTurnAt !== null) this.options.endpointing.onTurnEndPause(at - this.endedTurnAt);
    this.answeredTurnAt = this.endedTurnAt;
    this.endedTurnAt = null;
  }

  /** Manual mode (or a forced commit): the turn ends now with whatever was heard. */
  commit(): void {
    const now = this.options.clock.now();
    const decided = this.decided ?? {
      mode: this.options.settings().turnDetection,
      probability: null,
      speechEndAt: this.speechEndAt ?? now,
      decidedAt: now,
      delay: 0,
    };
    const turn: UserTurn = {
      ...decided,
      text: this.pendingText,
      transcriptAt: this.transcriptAt,
      heardSpeech: this.speechEndAt !== null,
    };
    this.cancelDecision();
    this.endedTurnAt = this.speechEndAt;
    this.finals = [];
    this.transcriptAt = null;
    this.speechEndAt = null;
    this.options.emit({ type: 'end_of_turn', mode: turn.mode, probability: turn.probability, delay: turn.delay });
    this.options.onTurn(turn);
  }

  /** Forgets the turn in progress (typed input took over, or the session is closing). */
  reset(): void {
    this.cancelDecision();
    this.finals = [];
    this.speechEndAt = null;
    this.transcriptAt = null;
    this.awaitingFinal = false;
  }

  private async evaluate(): Promise<void> {
    const mode = this.options.settings().turnDetection;
    const endAt = this.speechEndAt;
    if (this.speaking || endAt === null || this.timer || this.decided) return;
    if (mode === 'manual' || mode === 'realtime_llm') return;
    if (mode === 'stt' && this.options.stt && (this.awaitingFinal || this.finals.length === 0)) return;
    let probability: number | null = null;
    let complete: boolean | undefined = true;
    if (mode === 'model') {
      if (this.awaitingFinal) return;
      const predicted = await this.predict();
      if (predicted === undefined) return; // superseded: the user spoke again
      probability = predicted;
      const threshold = this.options.detector?.threshold(this.options.language);
      complete = endOfTurnVerdict(probability ?? undefined, threshold);
      if (probability !== null && threshold !== undefined) {
        this.options.emit({ type: 'turn_probability', probability, threshold });
      }
      if (this.speaking || this.speechEndAt !== endAt) return;
    }
    const delay = this.options.endpointing.delayFor(complete);
    const wait = this.options.endpointing.remainingWait(endAt, this.options.clock.now(), complete);
    this.timer = this.options.clock.setTimer(() => {
      this.timer = null;
      this.decided = { mode, probability, speechEndAt: endAt, decidedAt: this.options.clock.now(), delay };
      if (!this.awaitingFinal) this.commit();
    }, wait);
  }

  /** The detector's probability, null when there is none (or it failed), undefined when superseded. */
  private async predict(): Promise<number | null | undefined> {
    const { detector, clock, chat, language } = this.options;
    if (!detector) return null;
    const controller = new AbortController();
    this.prediction = controller;
    const context = {
      chat: [...chat(), { role: 'user' as const, content: this.pendingText }],
      language,
      ...(detector.needsAudio && this.userAudio ? { audio: this.userAudio } : {}),
    };
    try {
      const probability = await clock.track(detector.predict(context, controller.signal));
      return controller.signal.aborted ? undefined : (probability ?? null);
    } catch {
      return controller.signal.aborted ? undefined : null;
    } finally {
      if (this.prediction === controller) this.prediction = null;
    }
  }

  private cancelDecision(): void {
    if (this.timer) this.options.clock.clearTimer(this.timer);
    this.timer = null;
    this.decided = null;
    this.prediction?.abort();
    this.prediction = null;
  }
}
