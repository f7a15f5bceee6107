import type { SimulationCheck } from '../../flow/scenario-schema';
import type { SessionEvent } from '../../session/events';
import { checkExpectation } from '../scenario-expectations';
import type { SimulationCheckResult } from './simulation-result';

/** Checks one hard condition against every event of the call (no LLM involved). */
export async function checkSimulation(
  check: SimulationCheck,
  events: readonly SessionEvent[],
): Promise<SimulationCheckResult> {
  if (check.kind === 'variable') {
    const sets = events.filter((e) => e.type === 'variable_set' && e.name === check.name);
    const last = sets.at(-1);
    if (last?.type === 'variable_set' && last.value === check.value)
      return { check, status: 'passed', reason: `${check.name} was set to ${JSON.stringify(check.value)}` };
    return {
      check,
      status: 'failed',
      reason:
        last?.type === 'variable_set'
          ? `expected ${check.name} = ${JSON.stringify(check.value)}, but it was set to ${JSON.stringify(last.value)}`
          : `expected ${check.name} = ${JSON.stringify(check.value)}, but it was never set`,
    };
  }
  // Handoffs, tool calls and the call's end read the same as a scenario turn's expectations.
  const { status, reason } = await checkExpectation(check, events, null);
  return { check, status: status === 'passed' ? 'passed' : 'failed', reason };
}
