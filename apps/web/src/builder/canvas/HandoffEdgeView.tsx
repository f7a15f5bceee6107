'use client';

import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  getBezierPath,
  type ReactFlowState,
  useStore,
} from '@xyflow/react';
import { memo } from 'react';
import type { HandoffFlowEdge } from './types';

/**
 * Below this zoom a label's text is a few pixels high: unreadable, yet one HTML element per edge
 * to lay out. The tool name stays in the edge's aria-label and the inspector.
 */
const LABEL_MIN_ZOOM = 0.4;
const labelsReadable = (state: ReactFlowState) => state.transform[2] >= LABEL_MIN_ZOOM;

/** A handoff arrow labelled with the tool the LLM calls to transfer; red when it has errors. */
export const HandoffEdgeView = memo(function HandoffEdgeView(props: EdgeProps<HandoffFlowEdge>) {
  const { id, data, selected, markerEnd, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const showLabel = useStore(labelsReadable);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const broken = (data?.errors ?? 0) > 0;
  // Condition edges are taken without the LLM: drawn dashed so the two kinds read apart.
  const automatic = data?.edge.condition !== undefined ? 'condition' : '';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`handoff-edge ${automatic} ${broken ? 'has-errors' : ''} ${selected ? 'selected' : ''}`}
      />
      {showLabel && (
        <EdgeLabelRenderer>
          <div
            className={`handoff-label ${automatic} ${broken ? 'has-errors' : ''} ${selected ? 'selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${id}`}
          >
            {data?.toolName}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
