import { ENGINE_INPUT_RATE } from '../../audio/frame';
import type { TurnHandling } from '../../flow/settings';
import type { EndOfTurnDetector } from '../../providers/turn/types';
import type { VadEvent } from '../../providers/vad/types';
import { createVadStream } from '../../providers/vad/vad-stream';
import { AudioInput } from '../../session/audio-input';
import { Endpointing } from '../../session/endpointing';
import { InterruptionPolicy } from '../../session/interruption';
import { TurnTaking, type UserTurn } from '../../session/turn-taking';
import { VirtualClock } from '../virtual-clock';
import type { SpanOutcome } from './recorded-turns';
import type { AgentSpeechSpan } from './turn-recording';

/** Samples fed per step: one Silero window, so VAD events land on the window that completed them. */
const STEP_SAMPLES = 512;
const stepMs = (samples: number) => (samples / ENGINE_INPUT_RATE) * 1000;

export interface ReplayRunInput {
  caller: Int16Array;
  callerStartMs: number;
  agentSpeech: readonly AgentSpeechSpan[];
  settings: TurnHandling;
  /** Recorded time from an end-of-turn decision to the agent's first audio, for dynamic endpointing. */
  pipelineMs: number;
  detector: EndOfTurnDetector | null;
  language: string;
}

/** What the engine decided on the caller's audio (session time, ms). */
export interface ReplayRun {
  turns: UserTurn[];
  speechStarts: number[];
  speechEnds: number[];
  spans: SpanOutcome[];
}

/**
 * Feeds the caller's audio through the session's own AudioInput, VAD, TurnTaking, Endpointing
 * and InterruptionPolicy on a virtual clock, routing VAD events as VoiceSession.vadEvent does.
 * The agent is "speaking" during the recorded spans; nothing is generated or played.
 */
export async function runReplay(input: ReplayRunInput): Promise<ReplayRun> {
  const { settings, agentSpeech } = input;
  const clock = new VirtualClock();
  // Replay time 0 is the first caller sample; `base` maps it back to session time.
  const base = input.callerStartMs;
  const sessionNow = () => clock.now() + base;
  const run: ReplayRun = { turns: [], speechStarts: [], speechEnds: [], spans: agentSpeech.map(() => blank()) };
  const current = () => {
    const now = sessionNow();
    return agentSpeech.findIndex((s, i) => now >= s.startMs && now < s.endMs && run.spans[i]?.interruptedAt === null);
  };

  const turns: TurnTaking = new TurnTaking({
    clock,
    settings: () => settings,
    language: input.language,
    stt: null,
    endpointing: new Endpointing(settings.endpointing),
    detector: input.detector,
    chat: () => [],
    emit: () => {},
    onTurn: (turn) => {
      run.turns.push(turn);
      // The agent would have begun its reply one recorded pipeline later: dynamic endpointing learns from it.
      clock.setTimer(() => turns.agentStartedSpeaking(clock.now()), input.pipelineMs);
    },
  });
  const interruption = new InterruptionPolicy(clock, () => settings.interruption, false, {
    interruptible: () => {
      const span = agentSpeech[current()];
      return span !== undefined && span.interruptible !== false;
    },
    pause: () => {},
    resume: () => {},
    interrupt: () => {
      const outcome = run.spans[current()];
      if (outcome) outcome.interruptedAt = sessionNow();
    },
    falseInterruption: () => {
      const outcome = run.spans[spanEndedLast()];
      if (outcome) outcome.falseInterruptions++;
    },
  });
  // The session forgets a pending pause when the agent's speech ends.
  for (const span of agentSpeech) clock.setTimer(() => interruption.reset(), span.endMs - base);
  const spanEndedLast = () => {
    const now = sessionNow();
    return agentSpeech.findLastIndex((s) => s.startMs <= now);
  };
  const discarding = () => {
    const span = agentSpeech[current()];
    return span?.interruptible === false && settings.interruption.discardAudioIfUninterruptible;
  };

  const onVad = (event: VadEvent, at: number) => {
    if (event.type === 'inference') {
      const { vad } = settings;
      const voiced = event.probability >= Math.min(vad.deactivationThreshold, vad.activationThreshold);
      if (event.speaking && voiced) interruption.speaking(event.timestamp);
      return;
    }
    if (event.type === 'speech_start') {
      run.speechStarts.push(at + base);
      turns.speechStarted(at);
      interruption.speechStarted(event.timestamp);
      return;
    }
    run.speechEnds.push(at + base);
    interruption.speechEnded(event.timestamp);
    if (!discarding()) turns.speechEnded(at, event.audio);
  };
  let failure: unknown = null;
  const audio = new AudioInput(createVadStream(settings.vad), null, clock, {
    onVad,
    onTranscript: () => {},
    onError: (_source, error) => {
      failure ??= error;
    },
  });

  for (let at = 0; at < input.caller.length && failure === null; at += STEP_SAMPLES) {
    const samples = input.caller.subarray(at, at + STEP_SAMPLES);
    // Audio arrives once it has been spoken: the step ends at the clock time of its last sample.
    await clock.advance(stepMs(samples.length));
    audio.push({ samples, sampleRate: ENGINE_INPUT_RATE });
  }
  // Let decisions still pending at the end of the audio fall due (the line goes quiet).
  await clock.advance(settings.endpointing.maxDelay + settings.interruption.falseInterruptionTimeout);
  await audio.close();
  if (failure !== null) throw failure;
  run.turns = run.turns.map((turn) => ({
    ...turn,
    speechEndAt: turn.speechEndAt + base,
    decidedAt: turn.decidedAt + base,
  }));
  return run;
}

function blank(): SpanOutcome {
  return { interruptedAt: null, falseInterruptions: 0 };
}
