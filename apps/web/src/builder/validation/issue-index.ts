import type { FlowSpec, ValidationIssue } from '@parley/engine/flow';

/** Issues grouped by the canvas element they concern. */
export interface IssueIndex {
  all: ValidationIssue[];
  byAgent: ReadonlyMap<string, ValidationIssue[]>;
  byEdge: ReadonlyMap<string, ValidationIssue[]>;
}

/** The agent or handoff an issue points at, if any (tools belong to their agent). */
export function issueElement(spec: FlowSpec, issue: ValidationIssue): { kind: 'agent' | 'edge'; id: string } | null {
  const { target } = issue;
  if (target.kind === 'agent' && target.id) return { kind: 'agent', id: target.id };
  if (target.kind === 'tool' && target.agentId) return { kind: 'agent', id: target.agentId };
  if (target.kind === 'edge' && target.id) return { kind: 'edge', id: target.id };
  // Schema problems only carry a path; `agents.3...` still names an agent.
  const [list, index] = target.path.split('.');
  const position = Number(index);
  if (list === 'agents' && Number.isInteger(position)) {
    const id = spec.agents[position]?.id;
    if (id) return { kind: 'agent', id };
  }
  if (list === 'edges' && Number.isInteger(position)) {
    const id = spec.edges[position]?.id;
    if (id) return { kind: 'edge', id };
  }
  return null;
}

/** Groups `issues` by agent and handoff so nodes and edges can show their own. */
export function indexIssues(spec: FlowSpec, issues: ValidationIssue[]): IssueIndex {
  const byAgent = new Map<string, ValidationIssue[]>();
  const byEdge = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const element = issueElement(spec, issue);
    if (!element) continue;
    const map = element.kind === 'agent' ? byAgent : byEdge;
    map.set(element.id, [...(map.get(element.id) ?? []), issue]);
  }
  return { all: issues, byAgent, byEdge };
}
