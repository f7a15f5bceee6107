import { globalTargets, globalToolName, isAutomaticEdge, isLlmAgent } from './agent-tools';
import type { ValidationIssue } from './issues';
import type { AgentPlan, HandoffToolPlan, SessionPlan, ToolPlan } from './plan';
import { resolveProviders, resolveTurnHandling } from './resolve';
import { type AgentSpec, type FlowSpec, type HandoffEdge, handoffEdgeSchema } from './schema';
import { referencedVariables } from './template';
import { handoffToolName, SET_VARIABLE_TOOL } from './tool-names';
import { validate } from './validate';

/** Thrown by compile() for a spec with errors; carries every issue. */
export class FlowInvalidError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    super(`Flow is invalid: ${errors.map((i) => i.message).join(' ')}`);
    this.name = 'FlowInvalidError';
  }
}

/** Turns a valid FlowSpec into a SessionPlan. Pure and deterministic; throws FlowInvalidError otherwise. */
export function compile(input: unknown): SessionPlan {
  const result = validate(input);
  if (!result.valid || !result.spec) throw new FlowInvalidError(result.issues);
  const spec = result.spec;

  const outgoing = new Map<string, HandoffEdge[]>();
  for (const edge of spec.edges) {
    const list = outgoing.get(edge.from) ?? [];
    list.push(edge);
    outgoing.set(edge.from, list);
  }
  const byId = new Map(spec.agents.map((a) => [a.id, a]));

  const agents: Record<string, AgentPlan> = {};
  for (const agent of spec.agents) {
    const edges = outgoing.get(agent.id) ?? [];
    const automatic = edges.filter((edge) => isAutomaticEdge(edge, agent));
    const handoffs = edges
      .filter((edge) => !isAutomaticEdge(edge, agent))
      .map((edge) => handoffTool(edge, byId.get(edge.to)));
    const globals = globalTargets(spec, agent).map((target) => handoffTool(globalEdge(target), target));
    agents[agent.id] = {
      id: agent.id,
      name: agent.name,
      instructions: agent.instructions,
      ...(agent.greeting ? { greeting: agent.greeting } : {}),
      variablesUsed: referencedVariables(`${agent.instructions}\n${agent.greeting ?? ''}`),
      settings: resolveTurnHandling(spec.settings.turnHandling, agent.turnHandling),
      providers: resolveProviders(spec, agent),
      // Say and end nodes have no LLM: only their own tools (for an on-enter call).
      tools: isLlmAgent(agent)
        ? [...ownTools(agent), ...setVariableTool(spec), ...handoffs, ...globals]
        : ownTools(agent),
      script: {
        rules: agent.script?.rules ?? [],
        ...(agent.script?.fallback ? { fallback: agent.script.fallback } : {}),
      },
      ...(agent.kind ? { kind: agent.kind } : {}),
      ...(agent.onEnter ? { onEnter: agent.onEnter } : {}),
      ...(automatic.length
        ? {
            routes: automatic.map((edge) => ({
              ...(edge.condition !== undefined ? { condition: edge.condition } : {}),
              handoff: handoffTool(edge, byId.get(edge.to)),
            })),
          }
        : {}),
    };
  }
  return {
    flowName: spec.name,
    language: spec.settings.language,
    entryAgentId: spec.entryAgentId,
    variables: spec.variables,
    agents,
    ...(spec.settings.userTurnLimit ? { userTurnLimit: spec.settings.userTurnLimit } : {}),
    ...(spec.settings.speech ? { speech: spec.settings.speech } : {}),
  };
}

function ownTools(agent: AgentSpec): ToolPlan[] {
  return agent.tools.map(
    (tool): ToolPlan =>
      tool.type === 'webhook'
        ? {
            kind: 'webhook',
            name: tool.name,
            description: tool.description,
            parameters: tool.parameters,
            url: tool.url,
            method: tool.method,
            headers: tool.headers,
            timeoutMs: tool.timeoutMs,
            ...(tool.mockResponse ? { mockResponse: tool.mockResponse } : {}),
            ...(tool.branches ? { branches: tool.branches } : {}),
          }
        : {
            kind: 'end_call',
            name: tool.name,
            description: tool.description,
            parameters: { type: 'object', properties: {} },
          },
  );
}

function setVariableTool(spec: FlowSpec): ToolPlan[] {
  if (spec.variables.length === 0) return [];
  const list = spec.variables.map((v) => `${v.name} (${v.type})${v.description ? `: ${v.description}` : ''}`);
  return [
    {
      kind: 'set_variable',
      name: SET_VARIABLE_TOOL,
      description: `Remember a fact the caller told you. Variables: ${list.join('; ')}.`,
      parameters: {
        type: 'object',
        properties: {
          name: { type: 'string', enum: spec.variables.map((v) => v.name) },
          value: { type: ['string', 'number', 'boolean'] },
        },
        required: ['name', 'value'],
      },
    },
  ];
}

function handoffTool(edge: HandoffEdge, target: AgentSpec | undefined): HandoffToolPlan {
  const targetName = target?.name ?? edge.to;
  return {
    kind: 'handoff',
    name: handoffToolName(edge, target),
    description: edge.description || `Transfer the caller to ${targetName}.`,
    parameters: {
      type: 'object',
      properties: { reason: { type: 'string', description: 'Why the caller is being transferred.' } },
    },
    edgeId: edge.id,
    targetAgentId: edge.to,
    contextPolicy: edge.contextPolicy,
    lastN: edge.lastN,
    ...(edge.transferLine ? { transferLine: edge.transferLine } : {}),
  };
}

/** The edge a global agent's generated handoff tool stands for (id `global:<agent id>`). */
function globalEdge(target: AgentSpec): HandoffEdge {
  // Parsed so the edge gets the schema's defaults (context policy, lastN) like a drawn one.
  return handoffEdgeSchema.parse({
    id: `global:${target.id}`,
    from: '*',
    to: target.id,
    toolName: globalToolName(target),
    description: target.global?.when ?? '',
    ...(target.global?.transferLine ? { transferLine: target.global.transferLine } : {}),
  });
}
