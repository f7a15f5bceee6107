'use client';

import type { AgentSpec } from '@parley/engine/flow';

/** Marks on a node's head: its kind when it is not an LLM agent, and "Global" when every agent can reach it. */
export function NodeBadges({ agent }: { agent: AgentSpec }) {
  return (
    <>
      {agent.kind === 'say' && (
        <span className="kind-badge" title="Say node: a fixed line, no LLM">
          Say
        </span>
      )}
      {agent.kind === 'end' && (
        <span className="kind-badge end" title="End node: a last line, then the call ends">
          End
        </span>
      )}
      {agent.global && (
        <span className="global-badge" title="Global: every agent can hand off here, no edge needed">
          Global
        </span>
      )}
    </>
  );
}
