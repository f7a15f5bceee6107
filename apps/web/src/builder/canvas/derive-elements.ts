import type { FlowSpec } from '@parley/engine/flow';
import { MarkerType } from '@xyflow/react';
import type { Selection } from '../state/selection';
import type { IssueIndex } from '../validation/issue-index';
import { edgeLabel } from './edge-label';
import type { AgentNode, HandoffFlowEdge, MeasuredSizes } from './types';

const countSeverity = (issues: { severity: string }[] | undefined, severity: string) =>
  issues?.filter((i) => i.severity === severity).length ?? 0;

/** `next`, or `previous` when it holds the very same objects (React Flow then skips its re-indexing). */
function reuse<T>(previous: T[], next: T[]): T[] {
  return previous.length === next.length && previous.every((item, i) => item === next[i]) ? previous : next;
}

/**
 * Derives React Flow nodes from the FlowSpec. Returns the previous node object when nothing it
 * shows changed, so React Flow re-renders only the nodes that did (a drag touches one of 300), and
 * the previous array when no node changed.
 */
export function createNodeDeriver(): (
  spec: FlowSpec,
  selection: Selection,
  issues: IssueIndex,
  sizes: MeasuredSizes,
) => AgentNode[] {
  let cache = new Map<string, AgentNode>();
  let last: AgentNode[] = [];
  return (spec, selection, issues, sizes) => {
    const next = new Map<string, AgentNode>();
    const nodes = spec.agents.map((agent) => {
      const own = issues.byAgent.get(agent.id);
      const errors = countSeverity(own, 'error');
      const warnings = countSeverity(own, 'warning');
      const isEntry = agent.id === spec.entryAgentId;
      const selected = selection.agents.has(agent.id);
      const measured = sizes.get(agent.id);
      const old = cache.get(agent.id);
      const same =
        old &&
        old.data.agent === agent &&
        old.data.isEntry === isEntry &&
        old.data.errors === errors &&
        old.data.warnings === warnings &&
        old.selected === selected &&
        old.measured?.width === measured?.width &&
        old.measured?.height === measured?.height;
      const node: AgentNode = same
        ? old
        : {
            id: agent.id,
            type: 'agent',
            position: agent.position,
            selected,
            data: { agent, isEntry, errors, warnings },
            ...(measured ? { measured } : {}),
            ariaLabel: `Agent ${agent.name}${isEntry ? ' (entry)' : ''}`,
          };
      next.set(agent.id, node);
      return node;
    });
    cache = next;
    last = reuse(last, nodes);
    return last;
  };
}

/** Derives React Flow edges from the FlowSpec's handoffs, reusing unchanged edge objects (and the array). */
export function createEdgeDeriver(): (spec: FlowSpec, selection: Selection, issues: IssueIndex) => HandoffFlowEdge[] {
  let cache = new Map<string, HandoffFlowEdge>();
  let last: HandoffFlowEdge[] = [];
  return (spec, selection, issues) => {
    const agents = new Map(spec.agents.map((a) => [a.id, a]));
    const next = new Map<string, HandoffFlowEdge>();
    const edges = spec.edges.map((edge) => {
      const toolName = edgeLabel(edge, agents.get(edge.from), agents.get(edge.to));
      const errors = countSeverity(issues.byEdge.get(edge.id), 'error');
      const selected = selection.edges.has(edge.id);
      const old = cache.get(edge.id);
      const same =
        old &&
        old.data?.edge === edge &&
        old.data.toolName === toolName &&
        old.data.errors === errors &&
        old.selected === selected;
      const flowEdge: HandoffFlowEdge = same
        ? old
        : {
            id: edge.id,
            type: 'handoff',
            source: edge.from,
            target: edge.to,
            selected,
            data: { edge, toolName, errors },
            markerEnd: { type: MarkerType.ArrowClosed },
            ariaLabel: `Handoff ${toolName}`,
          };
      next.set(edge.id, flowEdge);
      return flowEdge;
    });
    cache = next;
    last = reuse(last, edges);
    return last;
  };
}
