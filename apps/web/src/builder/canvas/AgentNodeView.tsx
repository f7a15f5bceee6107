'use client';

import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { NodeBadges } from './NodeBadges';
import type { AgentNode } from './types';

/** One agent on the canvas: name, entry mark, tool count and its validation state. */
export const AgentNodeView = memo(function AgentNodeView({ data, selected }: NodeProps<AgentNode>) {
  const { agent, isEntry, errors, warnings } = data;
  const state = errors > 0 ? 'has-errors' : warnings > 0 ? 'has-warnings' : '';
  return (
    <div
      className={`agent-node ${state} ${selected ? 'selected' : ''} ${isEntry ? 'entry' : ''}`}
      data-testid={`agent-node-${agent.id}`}
    >
      <Handle type="target" position={Position.Left} className="agent-handle" />
      <div className="agent-node-head">
        {isEntry && (
          <span className="entry-badge" title="Entry agent: answers the call">
            Entry
          </span>
        )}
        <span className="agent-node-name">{agent.name}</span>
        <NodeBadges agent={agent} />
      </div>
      <div className="agent-node-meta">
        {agent.kind === 'say' || agent.kind === 'end'
          ? (agent.onEnter?.say ?? '') || 'No line yet'
          : `${agent.tools.length} ${agent.tools.length === 1 ? 'tool' : 'tools'}`}
        {errors > 0 && (
          <span className="issue-badge error" title={`${errors} error(s)`}>
            {errors} error{errors === 1 ? '' : 's'}
          </span>
        )}
        {errors === 0 && warnings > 0 && (
          <span className="issue-badge warning" title={`${warnings} warning(s)`}>
            {warnings} warning{warnings === 1 ? '' : 's'}
          </span>
        )}
      </div>
      <Handle type="source" position={Position.Right} className="agent-handle" />
    </div>
  );
});
