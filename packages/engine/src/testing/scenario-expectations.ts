import { compileSafeRegex } from '../flow/safe-regex';
import type { ScenarioExpectation } from '../flow/schema';
import type { Llm } from '../providers/llm/types';
import type { SessionEvent } from '../session/events';
import { judgeMessage } from './judge';
import type { ExpectationResult } from './scenario-result';

type Outcome = Omit<ExpectationResult, 'expectation'>;

const pass = (reason: string): Outcome => ({ status: 'passed', reason });
const fail = (reason: string): Outcome => ({ status: 'failed', reason });

/** Checks one expectation against the events of one turn; `judge` is the LLM for intents, if any. */
export async function checkExpectation(
  expectation: ScenarioExpectation,
  events: readonly SessionEvent[],
  judge: Llm | null,
): Promise<ExpectationResult> {
  return { expectation, ...(await outcome(expectation, events, judge)) };
}

async function outcome(expectation: ScenarioExpectation, events: readonly SessionEvent[], judge: Llm | null) {
  switch (expectation.kind) {
    case 'says':
      return says(expectation, events, judge);
    case 'tool_call':
      return toolCall(expectation, events);
    case 'handoff': {
      const handoffs = events.filter((e) => e.type === 'handoff');
      if (handoffs.some((h) => h.to === expectation.to)) return pass(`handed off to ${expectation.to}`);
      return fail(
        handoffs.length === 0
          ? `expected a handoff to ${expectation.to}, but the agent did not hand off`
          : `expected a handoff to ${expectation.to}, but it went to ${handoffs.map((h) => h.to).join(', ')}`,
      );
    }
    case 'ends': {
      const ended = events.find((e) => e.type === 'session_ended');
      return ended ? pass(`the call ended (${ended.reason})`) : fail('expected the call to end, but it went on');
    }
  }
}

async function says(
  expectation: Extract<ScenarioExpectation, { kind: 'says' }>,
  events: readonly SessionEvent[],
  judge: Llm | null,
): Promise<Outcome> {
  const said = events
    .filter((e) => e.type === 'assistant_message')
    .map((e) => e.text)
    .join(' ');
  if (!said) return fail('expected the agent to say something, but it said nothing');
  const { intent, pattern } = expectation;
  if (intent && judge) {
    const verdict = await judgeMessage(judge, said, intent);
    return verdict.pass ? pass(`the judge agreed: ${verdict.reason}`) : fail(`the judge disagreed: ${verdict.reason}`);
  }
  if (pattern !== undefined) {
    const compiled = compileSafeRegex(pattern);
    if (!compiled.ok) return fail(`the pattern /${pattern}/ ${compiled.problem}`);
    return compiled.regex.test(said)
      ? pass(`${JSON.stringify(said)} matches /${pattern}/`)
      : fail(`expected the agent to say something matching /${pattern}/, but it said ${JSON.stringify(said)}`);
  }
  if (intent) {
    // An intent needs an LLM to judge it; without one we neither pass nor fail what we cannot check.
    return {
      status: 'skipped',
      reason: `cannot judge the intent "${intent}": no LLM is configured for judging (set OPENAI_API_KEY on the runtime), and no pattern was given to check instead`,
    };
  }
  return pass(`the agent said ${JSON.stringify(said)}`);
}

function toolCall(
  expectation: Extract<ScenarioExpectation, { kind: 'tool_call' }>,
  events: readonly SessionEvent[],
): Outcome {
  const calls = events.filter((e) => e.type === 'tool_call');
  const named = calls.filter((c) => c.name === expectation.name);
  if (named.length === 0) {
    const made = calls.length ? `it called ${calls.map((c) => c.name).join(', ')}` : 'it called no tool';
    return fail(`expected a call to ${expectation.name}, but ${made}`);
  }
  const wanted = expectation.arguments ?? {};
  const problems = named.map((call) => argumentProblem(call.arguments, wanted));
  if (problems.includes(null)) return pass(`called ${expectation.name}`);
  return fail(`${expectation.name} was called, but ${problems[0]}`);
}

/** Null when every wanted argument is present with an equal value (a subset match). */
function argumentProblem(given: unknown, wanted: Record<string, unknown>): string | null {
  const args = (given && typeof given === 'object' ? given : {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(wanted)) {
    if (!sameJson(args[key], value)) {
      return `argument ${key} was ${JSON.stringify(args[key]) ?? 'missing'}, expected ${JSON.stringify(value)}`;
    }
  }
  return null;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

/** Objects with their keys sorted, so key order never decides equality. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sorted(v)]),
    );
  }
  return value;
}
