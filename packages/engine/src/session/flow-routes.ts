import { evaluateCondition, parseCondition } from '../flow/conditions';
import { parseJsonPath, readJsonPath } from '../flow/json-path';
import type { AgentPlan, HandoffToolPlan, ToolPlan, WebhookToolPlan } from '../flow/plan';
import type { ToolOutcome } from './tools/tool-outcome';

type VariableValue = string | number | boolean;

/** How many automatic handoffs may follow each other with no caller turn in between (a loop guard). */
export const MAX_AUTOMATIC_HOPS = 10;

/**
 * Deterministic routing of the v2 flow language: condition edges (checked on entering an agent,
 * after every tool result and after every variable change) and webhook result branches. The first
 * true route, in the user's order, wins; no LLM round is involved.
 */
export class FlowRoutes {
  /** The last webhook result (parsed JSON), what `result` means in a condition. */
  private lastResult: unknown = null;
  private hops = 0;

  constructor(
    private readonly variables: () => Readonly<Record<string, VariableValue>>,
    private readonly agents: Readonly<Record<string, AgentPlan>>,
  ) {}

  /** The caller took a turn: automatic handoffs may run again. */
  callerTurn(): void {
    this.hops = 0;
  }

  /** The first route of `agent` whose condition holds now (an edge with no condition always holds). */
  route(agent: AgentPlan): HandoffToolPlan | null {
    for (const route of agent.routes ?? []) {
      if (route.condition === undefined) return this.hop(route.handoff);
      const parsed = parseCondition(route.condition);
      if (parsed.ok && evaluateCondition(parsed.node, { variables: this.variables(), result: this.lastResult })) {
        return this.hop(route.handoff);
      }
    }
    return null;
  }

  /**
   * After a tool of `agent` ran (and any variable it set was stored): a result branch or a route
   * that now holds replaces the outcome's effect with a handoff, which ends the reply's LLM rounds.
   */
  afterTool(agent: AgentPlan, tool: ToolPlan | undefined, outcome: ToolOutcome): ToolOutcome {
    if (outcome.effect && outcome.effect.kind !== 'variable') return outcome;
    if (tool?.kind === 'webhook' && !outcome.isError) {
      this.lastResult = parseJson(outcome.output);
      const branch = this.branch(tool, this.lastResult);
      if (branch)
        return { ...outcome, effect: { kind: 'handoff', tool: branch, reason: `result branch of ${tool.name}` } };
    }
    const route = this.route(agent);
    return route ? { ...outcome, effect: { kind: 'handoff', tool: route, reason: 'condition' } } : outcome;
  }

  /** Records the result of an on-enter tool call and returns its branch, if one matches. */
  enteredTool(tool: WebhookToolPlan, outcome: ToolOutcome): HandoffToolPlan | null {
    if (outcome.isError) return null;
    this.lastResult = parseJson(outcome.output);
    return this.branch(tool, this.lastResult);
  }

  private branch(tool: WebhookToolPlan, result: unknown): HandoffToolPlan | null {
    const branches = tool.branches;
    if (!branches) return null;
    const path = parseJsonPath(branches.path);
    if (!path.ok) return null;
    const value = readJsonPath(result, path.path);
    const to = branches.cases.find((c) => c.value === value)?.to ?? branches.default;
    const target = to ? this.agents[to] : undefined;
    if (!target) return null;
    return this.hop({
      kind: 'handoff',
      name: tool.name,
      description: `Result branch of ${tool.name}`,
      parameters: { type: 'object', properties: {} },
      edgeId: `branch:${tool.name}`,
      targetAgentId: target.id,
      contextPolicy: 'full',
      lastN: 6,
    });
  }

  private hop(tool: HandoffToolPlan): HandoffToolPlan | null {
    if (this.hops >= MAX_AUTOMATIC_HOPS) return null;
    this.hops++;
    return tool;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
