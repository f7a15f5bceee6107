import type { Scenario } from '../../flow/schema';
import type { Llm } from '../../providers/llm/types';
import type { SessionEvent } from '../../session/events';
import { scenarioLines } from '../scenario-lines';
import type { ScenarioLine, ScenarioStepResult } from '../scenario-result';
import { judgeStep, notReached } from '../scenario-step';
import type { TestSession } from '../test-session';
import { type CallerVoice, callerAudio } from './caller-audio';
import { type Delivery, parseDelivery } from './delivery';
import { type SpokenLine, voiceReport } from './voice-report';

/** How long a barge-in line waits for the agent to start speaking before it gives up waiting. */
const agentStartLimitMs = 30_000;

interface TurnRun {
  line: SpokenLine;
  /** Index of the turn's first event, and one past its last. */
  from: number;
  to: number;
  ended: boolean;
}

/**
 * Plays a scenario's lines as speech into a started-but-not-settled TestSession, on its clock:
 * each line synthesized with its delivery, a barge-in line started while the agent speaks. Then
 * judges every turn: its expectations on its events (a turn a barge-in cut short also on the
 * barge-in turn's events, where its reply ended), plus the caller's-eye checks.
 */
export async function runVoiceTurns(
  test: TestSession,
  scenario: Scenario,
  options: { judge: Llm | null; voice?: CallerVoice },
): Promise<{ opening: ScenarioLine[]; steps: ScenarioStepResult[] }> {
  const lines = scenario.turns.map((turn, i) => {
    try {
      return { turn, delivery: parseDelivery(turn.user) };
    } catch (error) {
      throw new Error(`turn ${i + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const events = () => test.transport.events;
  const openingFrom = events().length;
  await test.start({ untilIdle: lines[0]?.delivery.bargeInMs == null });
  const openingTo = events().length;
  const runs: (TurnRun | null)[] = [];
  let previousFrom = openingFrom;
  for (const [i, { turn, delivery }] of lines.entries()) {
    if (test.session.isEnded) {
      runs.push(null);
      continue;
    }
    if (delivery.bargeInMs !== null) await waitForAgentSpeech(test, previousFrom, delivery.bargeInMs);
    const from = events().length;
    const line = await speakLine(
      test,
      delivery,
      {
        ...options.voice,
        ...(turn.voice ? { voice: turn.voice } : {}),
        ...(turn.wordsPerMinute ? { wordsPerMinute: turn.wordsPerMinute } : {}),
      },
      i + 1,
    );
    if (lines[i + 1]?.delivery.bargeInMs == null) await test.waitUntilIdle();
    runs.push({ line, from, to: events().length, ended: test.session.isEnded });
    previousFrom = from;
  }
  const all = events();
  const steps: ScenarioStepResult[] = [];
  for (const [i, turn] of scenario.turns.entries()) {
    const run = runs[i];
    if (!run) {
      steps.push(notReached(turn.user, turn.expect));
      continue;
    }
    // A reply cut short by the next line's barge-in ends within that line's events.
    const next = runs[i + 1];
    const judgedTo = next?.line.bargeIn ? next.to : run.to;
    const turnEvents = all.slice(run.from, judgedTo) as SessionEvent[];
    const step = await judgeStep(turn.user, turn.expect, turnEvents, options.judge);
    const voice = voiceReport(
      run.line,
      turnEvents,
      all.slice(0, judgedTo),
      next?.line.bargeIn ? next.line.startedAt : undefined,
    );
    const heard = scenarioLines(turnEvents);
    steps.push({
      ...step,
      transcript: heard,
      voice,
      status: step.status === 'failed' || voice.checks.some((c) => c.status === 'failed') ? 'failed' : 'passed',
    });
  }
  return { opening: scenarioLines(all.slice(openingFrom, openingTo)), steps };
}

/** Waits until the agent speaks (from event `from` on), then `ms` more: the moment a barge-in starts. */
async function waitForAgentSpeech(test: TestSession, from: number, ms: number): Promise<void> {
  const speaking = () =>
    test.transport.events.slice(from).some((e) => e.type === 'agent_state' && e.state === 'speaking');
  if (await test.waitUntil(speaking, agentStartLimitMs)) await test.wait(ms);
}

/** Plays one line; returns where its words and pauses fell in session time. */
async function speakLine(test: TestSession, delivery: Delivery, voice: CallerVoice, seed: number): Promise<SpokenLine> {
  const audio = await callerAudio(delivery, voice, seed);
  const startedAt = test.clock.now();
  const shift = (span: { from: number; to: number }) => ({ from: startedAt + span.from, to: startedAt + span.to });
  await test.play({ samples: audio.samples, sampleRate: audio.sampleRate });
  return {
    startedAt,
    callerSpeech: audio.speech.map(shift),
    pauses: audio.pauses.map(shift),
    bargeIn: delivery.bargeInMs !== null,
  };
}
