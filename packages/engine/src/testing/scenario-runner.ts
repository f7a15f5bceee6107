import { compile } from '../flow/compile';
import type { Scenario } from '../flow/schema';
import { createOpenAiLlm } from '../providers/llm/openai';
import type { Llm } from '../providers/llm/types';
import type { WebhookOptions } from '../session/voice-session';
import { scenarioLines } from './scenario-lines';
import type { ScenarioResult } from './scenario-result';
import { judgeStep, notReached } from './scenario-step';
import { TestSession } from './test-session';
import type { CallerVoice } from './voice/caller-audio';
import { runVoiceTurns } from './voice/voice-scenario';

/** How scenarios run: the secrets and provider locations a real call would get, and the judge. */
export interface ScenarioRunOptions {
  /** The workspace's own secrets by name, as a call gets them. */
  secrets?: Readonly<Record<string, string>>;
  /** The operator's provider keys (built-in endpoints only), as a call gets them. */
  providerKeys?: Readonly<Record<string, string>>;
  /** Provider API locations by provider id (tests point them at local servers). */
  baseUrls?: Readonly<Record<string, string>>;
  /** The workspace's webhook allow-list, as a call gets it. */
  webhooks?: WebhookOptions;
  /** The LLM that judges `says` intents; null: intents without a pattern are skipped. */
  judge?: Llm | null;
  /** Session time one turn may take (default 60 s). */
  maxTurnMs?: number;
  /** Voice scenarios: how the simulated caller sounds (default espeak-ng, en-us, 175 wpm). */
  callerVoice?: CallerVoice;
}

/** The judge a runtime can offer: OpenAI's built-in endpoint when an OPENAI_API_KEY is given, else none. */
export function scenarioJudge(
  keys: Readonly<Record<string, string>>,
  baseUrls: Readonly<Record<string, string>> = {},
): Llm | null {
  const apiKey = keys.OPENAI_API_KEY;
  if (!apiKey) return null;
  return createOpenAiLlm({ apiKey, model: 'gpt-4o-mini', ...(baseUrls.openai ? { baseUrl: baseUrls.openai } : {}) });
}

/**
 * A session for a scripted run of `spec` (a scenario or a simulation) with a call's secrets and
 * keys: typed runs leave out VAD, STT and the turn model; spoken runs keep the flow's.
 */
export function scriptedRunSession(spec: unknown, options: ScenarioRunOptions, voice: boolean): TestSession {
  return new TestSession({
    plan: compile(spec),
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.providerKeys ? { providerKeys: options.providerKeys } : {}),
    ...(options.baseUrls ? { baseUrls: options.baseUrls } : {}),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    ...(voice ? {} : { providers: { stt: () => null, vad: () => null, turnDetector: async () => null } }),
    maxRunMs: options.maxTurnMs ?? 60_000,
    keepAudio: false,
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one scenario through a real VoiceSession on a virtual clock, with the flow's own LLM and
 * TTS. Text mode types each line (no VAD or STT is built: it tests what the agents do); voice mode
 * speaks each line through the flow's VAD, STT, turn detection and interruptions.
 */
export async function runScenario(
  spec: unknown,
  scenario: Scenario,
  options: ScenarioRunOptions = {},
): Promise<ScenarioResult> {
  const started = performance.now();
  const result: ScenarioResult = {
    id: scenario.id,
    name: scenario.name,
    status: 'passed',
    error: null,
    opening: [],
    steps: [],
    durationMs: 0,
  };
  let test: TestSession | null = null;
  const voice = scenario.mode === 'voice';
  try {
    test = scriptedRunSession(spec, options, voice);
    if (voice) {
      const spoken = await runVoiceTurns(test, scenario, {
        judge: options.judge ?? null,
        ...(options.callerVoice ? { voice: options.callerVoice } : {}),
      });
      result.opening = spoken.opening;
      result.steps = spoken.steps;
    } else {
      result.opening = scenarioLines((await test.start()).events);
      for (const turn of scenario.turns) {
        if (test.session.isEnded) {
          result.steps.push(notReached(turn.user, turn.expect));
          continue;
        }
        const { events } = await test.run({ userInput: turn.user });
        result.steps.push(await judgeStep(turn.user, turn.expect, events, options.judge ?? null));
      }
    }
    if (result.steps.some((step) => step.status === 'failed')) result.status = 'failed';
    result.sessionMs = test.clock.now();
  } catch (error) {
    result.status = 'error';
    result.error = describe(error);
  } finally {
    await test?.close().catch(() => {});
  }
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

/** Runs the flow's scenarios one after another (all, or those with the given ids). */
export async function runScenarios(
  spec: { scenarios: Scenario[] },
  options: ScenarioRunOptions & { ids?: readonly string[] } = {},
): Promise<ScenarioResult[]> {
  const chosen = options.ids ? spec.scenarios.filter((s) => options.ids?.includes(s.id)) : spec.scenarios;
  const results: ScenarioResult[] = [];
  for (const scenario of chosen) results.push(await runScenario(spec, scenario, options));
  return results;
}
