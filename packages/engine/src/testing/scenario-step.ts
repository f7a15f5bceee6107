import type { ScenarioExpectation } from '../flow/schema';
import type { Llm } from '../providers/llm/types';
import type { SessionEvent } from '../session/events';
import { checkExpectation } from './scenario-expectations';
import { scenarioLines } from './scenario-lines';
import type { ScenarioStepResult } from './scenario-result';

/** Checks one turn's expectations against its events; the step fails when any of them failed. */
export async function judgeStep(
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
export function notReached(user: string, expectations: ScenarioExpectation[]): ScenarioStepResult {
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
