'use client';

import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { HandoffFlowEdge } from './types';

/** A handoff arrow labelled with the tool the LLM calls to transfer; red when it has errors. */
export const HandoffEdgeView = memo(function HandoffEdgeView(props: EdgeProps<HandoffFlowEdge>) {
  const { id, data, selected, markerEnd, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const broken = (data?.errors ?? 0) > 0;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`handoff-edge ${broken ? 'has-errors' : ''} ${selected ? 'selected' : ''}`}
      />
      <EdgeLabelRenderer>
        <div
          className={`handoff-label ${broken ? 'has-errors' : ''} ${selected ? 'selected' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={`edge-label-${id}`}
        >
          {data?.toolName}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
