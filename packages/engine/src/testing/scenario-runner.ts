import { compile } from '../flow/compile';
import type { Scenario, ScenarioExpectation } from '../flow/schema';
import { createOpenAiLlm } from '../providers/llm/openai';
import type { Llm } from '../providers/llm/types';
import type { SessionEvent } from '../session/events';
import type { WebhookOptions } from '../session/voice-session';
import { checkExpectation } from './scenario-expectations';
import { scenarioLines } from './scenario-lines';
import type { ScenarioResult, ScenarioStepResult } from './scenario-result';
import { TestSession } from './test-session';

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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one scenario as typed turns through a real VoiceSession (virtual clock, the flow's own
 * LLM and TTS). Speech input is not used, so no VAD or STT is built: a scenario tests what the
 * agents do, not how well they hear.
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
  try {
    test = new TestSession({
      plan: compile(spec),
      ...(options.secrets ? { secrets: options.secrets } : {}),
      ...(options.providerKeys ? { providerKeys: options.providerKeys } : {}),
      ...(options.baseUrls ? { baseUrls: options.baseUrls } : {}),
      ...(options.webhooks ? { webhooks: options.webhooks } : {}),
      providers: { stt: () => null, vad: () => null, turnDetector: async () => null },
      maxRunMs: options.maxTurnMs ?? 60_000,
      keepAudio: false,
    });
    result.opening = scenarioLines((await test.start()).events);
    for (const turn of scenario.turns) {
      if (test.session.isEnded) {
        result.steps.push(notReached(turn.user, turn.expect));
        continue;
      }
      const { events } = await test.run({ userInput: turn.user });
      result.steps.push(await judgeStep(turn.user, turn.expect, events, options.judge ?? null));
    }
    if (result.steps.some((step) => step.status === 'failed')) result.status = 'failed';
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

async function judgeStep(
  user: string,
  expectations: ScenarioExpectation[],
  events: SessionEvent[],
  judge: Llm | null,
): Promise<ScenarioStepResult> {
  const checked = [];
  for (const expectation of expectations) checked.push(await checkExpectation(expectation, events, judge));
  return {
    user,
    status: checked.some((c) => c.status === 'failed') ? 'failed' : 'passed',
    expectations: checked,
    transcript: [{ kind: 'user', text: user }, ...scenarioLines(events)],
  };
}

/** A turn after the call already ended: every expectation fails, saying so. */
function notReached(user: string, expectations: ScenarioExpectation[]): ScenarioStepResult {
  return {
    user,
    status: 'failed',
    expectations: expectations.map((expectation) => ({
      expectation,
      status: 'failed',
      reason: 'the call had already ended before this turn',
    })),
    transcript: [{ kind: 'error', message: 'the call had already ended before this turn' }],
  };
}
