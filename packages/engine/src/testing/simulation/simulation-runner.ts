import type { Simulation } from '../../flow/scenario-schema';
import { simulationSchema } from '../../flow/scenario-schema';
import type { Llm } from '../../providers/llm/types';
import type { SessionEvent } from '../../session/events';
import { scenarioLines } from '../scenario-lines';
import { type ScenarioRunOptions, scriptedRunSession } from '../scenario-runner';
import type { TestSession } from '../test-session';
import { callerAudio } from '../voice/caller-audio';
import { DeliveryError, parseDelivery } from '../voice/delivery';
import { judgeCriteria } from './criteria-judge';
import { createLlmCaller } from './llm-caller';
import { createScriptedCaller } from './scripted-caller';
import type { ConversationLine, SimulatedCaller } from './simulated-caller';
import { checkSimulation } from './simulation-checks';
import type { SimulationResult, SimulationRun } from './simulation-result';

/** How simulations run: as scenarios do, plus the LLM that plays the caller and judges. */
export interface SimulationRunOptions extends ScenarioRunOptions {
  /** Plays the persona and judges the criteria; null or absent: the scripted persona, criteria skipped. */
  llm?: Llm | null;
  /** Runs per simulation, over each simulation's own k. */
  k?: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The caller for a simulation: the LLM persona when an LLM is given, else its script. */
function chooseCaller(simulation: Simulation, llm: Llm | null): SimulatedCaller {
  if (llm) return createLlmCaller(llm, simulation);
  if (simulation.script) return createScriptedCaller(simulation.script);
  throw new Error(
    `simulation "${simulation.name}" needs an LLM to play the caller (set OPENAI_API_KEY) or a script for an offline caller`,
  );
}

/**
 * Runs one simulation k times: the simulated caller and the flow talk (typed or spoken) until
 * either ends the call or maxTurns caller turns; each run passes when every hard check passes
 * and the judge passes every criterion (a criterion no LLM could judge is skipped, not failed).
 */
export async function runSimulation(
  spec: unknown,
  input: Simulation,
  options: SimulationRunOptions = {},
): Promise<SimulationResult> {
  const started = performance.now();
  const simulation = simulationSchema.parse(input);
  const k = options.k ?? simulation.k;
  const llm = options.llm ?? null;
  const result: SimulationResult = {
    id: simulation.id,
    name: simulation.name,
    caller: llm ? 'llm' : 'scripted',
    k,
    passed: 0,
    passRate: 0,
    status: 'passed',
    error: null,
    runs: [],
    durationMs: 0,
  };
  try {
    const caller = chooseCaller(simulation, llm);
    for (let run = 1; run <= k; run++) result.runs.push(await runOnce(spec, simulation, caller, run, options));
    result.passed = result.runs.filter((r) => r.status === 'passed').length;
    result.passRate = result.passed / k;
    if (result.passed < k) result.status = 'failed';
  } catch (error) {
    result.status = 'error';
    result.error = describe(error);
  }
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

/** Runs the flow's simulations one after another (all, or those with the given ids). */
export async function runSimulations(
  spec: { simulations?: Simulation[] | undefined },
  options: SimulationRunOptions & { ids?: readonly string[] } = {},
): Promise<SimulationResult[]> {
  const all = spec.simulations ?? [];
  const chosen = options.ids ? all.filter((s) => options.ids?.includes(s.id)) : all;
  const results: SimulationResult[] = [];
  for (const simulation of chosen) results.push(await runSimulation(spec, simulation, options));
  return results;
}

async function runOnce(
  spec: unknown,
  simulation: Simulation,
  caller: SimulatedCaller,
  run: number,
  options: SimulationRunOptions,
): Promise<SimulationRun> {
  const started = performance.now();
  const voice = simulation.mode === 'voice';
  const outcome: SimulationRun = {
    run,
    status: 'passed',
    error: null,
    endedBy: 'max_turns',
    callerTurns: 0,
    transcript: [],
    checks: [],
    criteria: [],
    durationMs: 0,
  };
  let test: TestSession | null = null;
  let events: SessionEvent[] = [];
  try {
    test = scriptedRunSession(spec, options, voice);
    await test.start();
    while (outcome.callerTurns < simulation.maxTurns) {
      if (test.session.isEnded) {
        outcome.endedBy = 'agent';
        break;
      }
      const move = await caller.next(conversation(test.events));
      if (move.say) {
        outcome.callerTurns++;
        await say(test, move.say, voice, run);
      }
      if (move.hangUp) {
        outcome.endedBy = test.session.isEnded ? 'agent' : 'caller';
        break;
      }
    }
    if (outcome.endedBy === 'max_turns' && test.session.isEnded) outcome.endedBy = 'agent';
    // Read before closing: a hangup by the caller must not count as the agent ending the call.
    events = [...test.events];
    for (const check of simulation.checks) outcome.checks.push(await checkSimulation(check, events));
    outcome.criteria = await judgeCriteria(options.llm ?? null, simulation.criteria, conversation(events));
    const failed =
      outcome.checks.some((c) => c.status === 'failed') || outcome.criteria.some((c) => c.status === 'failed');
    if (failed) outcome.status = 'failed';
  } catch (error) {
    outcome.status = 'error';
    outcome.error = describe(error);
    events = test ? [...test.events] : events;
  } finally {
    await test?.close().catch(() => {});
  }
  outcome.transcript = scenarioLines(events);
  outcome.durationMs = Math.round(performance.now() - started);
  return outcome;
}

/** The caller's line: typed, or spoken with any delivery markup it carries (unreadable markup is dropped). */
async function say(test: TestSession, line: string, voice: boolean, seed: number): Promise<void> {
  if (!voice) {
    await test.run({ userInput: line });
    return;
  }
  let delivery: ReturnType<typeof parseDelivery>;
  try {
    delivery = parseDelivery(line);
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    delivery = parseDelivery(line.replace(/\[[^\]]*\]?/g, ' '));
  }
  const audio = await callerAudio(delivery, {}, seed);
  await test.run({ audio: { samples: audio.samples, sampleRate: audio.sampleRate } });
}

/** Who said what so far, from the call's events. */
function conversation(events: readonly SessionEvent[]): ConversationLine[] {
  const lines: ConversationLine[] = [];
  for (const event of events) {
    if (event.type === 'transcript' && event.final) lines.push({ role: 'caller', text: event.text });
    else if (event.type === 'assistant_message' && event.text) lines.push({ role: 'agent', text: event.text });
  }
  return lines;
}
