'use client';

import type { FlowSpec } from '@parley/engine/flow';
import type { Selection } from '../state/selection';

/** Props of the agent picker. */
export interface AgentPickerProps {
  agents: FlowSpec['agents'];
  selection: Selection;
  /** Selects the agent and brings it into view. */
  onPick: (agentId: string) => void;
}

/** Every agent in one keyboard stop: tabbing through hundreds of canvas nodes to reach one is no way to work. */
export function AgentPicker({ agents, selection, onPick }: AgentPickerProps) {
  const [only] = selection.agents.size === 1 && selection.edges.size === 0 ? selection.agents : [];
  return (
    <div className="field agent-picker">
      <label htmlFor="agent-picker">Go to agent</label>
      <select id="agent-picker" value={only ?? ''} onChange={(e) => e.target.value && onPick(e.target.value)}>
        <option value="">Choose an agent…</option>
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name}
          </option>
        ))}
      </select>
    </div>
  );
}
