import type { ScenarioResult, ScenarioStepResult } from '@parley/engine';

/** The first failing turn of a scenario: where it failed, why, and which agent was answering. */
export interface TurnFailure {
  turn: number;
  reason: string;
  agentId: string;
}

/** The agent that answered each turn: the first agent line of the turn, else the one before. */
export function turnAgents(result: ScenarioResult, entryAgentId: string): string[] {
  let current = result.opening.find((l) => l.kind === 'assistant')?.agentId ?? entryAgentId;
  return result.steps.map((step) => {
    const answer = step.transcript.find((l) => l.kind === 'assistant');
    if (answer?.kind === 'assistant') current = answer.agentId;
    const handoff = step.transcript.findLast((l) => l.kind === 'handoff');
    const agent = answer?.kind === 'assistant' ? answer.agentId : current;
    if (handoff?.kind === 'handoff') current = handoff.to;
    return agent;
  });
}

/** Why a step failed, in one line: its first failed expectation or caller's-eye check. */
export function stepFailure(step: ScenarioStepResult): string | null {
  const expectation = step.expectations.find((e) => e.status === 'failed');
  if (expectation) return `${expectation.expectation.kind}: ${expectation.reason}`;
  const check = step.voice?.checks.find((c) => c.status === 'failed');
  return check ? `${check.check.replaceAll('_', ' ')}: ${check.reason}` : null;
}

/** The scenario's first failing turn, or null when every turn passed. */
export function firstFailure(result: ScenarioResult, entryAgentId: string): TurnFailure | null {
  const agents = turnAgents(result, entryAgentId);
  for (const [i, step] of result.steps.entries()) {
    const reason = stepFailure(step);
    if (reason) return { turn: i + 1, reason, agentId: agents[i] ?? entryAgentId };
  }
  return null;
}
