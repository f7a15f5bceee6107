import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';

/**
 * During a call (or its replay) pans the canvas to the agent the call is in whenever it changes,
 * keeping the zoom, so the node the tester asks the user to watch is on screen.
 */
export function useFollowActiveAgent(activeAgentId: string | null | undefined): void {
  const { getNode, getZoom, setCenter } = useReactFlow();
  useEffect(() => {
    if (!activeAgentId) return;
    const node = getNode(activeAgentId);
    if (!node) return;
    const width = node.measured?.width ?? node.width ?? 0;
    const height = node.measured?.height ?? node.height ?? 0;
    void setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: getZoom(), duration: 300 });
  }, [activeAgentId, getNode, getZoom, setCenter]);
}
