import type { z } from 'zod';
import { acceptsBaseUrl, isKnownProvider, type ProviderKind } from '../providers/catalog';
import { globalTargets, isAutomaticEdge } from './agent-tools';
import { handoffLastNSetting, webhookTimeoutSetting } from './field-settings';
import type { IssueCode, IssueTarget, ValidationIssue } from './issues';
import { resolveTurnHandling } from './resolve';
import { compileSafeRegex } from './safe-regex';
import { type FlowSpec, flowSpecSchema } from './schema';
import {
  numberRange,
  type TurnHandling,
  type TurnHandlingOverrides,
  turnHandlingSettings,
  turnModelNamePattern,
} from './settings';
import { referencedVariables } from './template';
import { handoffToolName, SET_VARIABLE_TOOL, toolNamePattern } from './tool-names';
import { checkSimulatedCallers } from './validate-simulated-callers';
import { checkFlowSteps } from './validate-steps';

export interface ValidationResult {
  /** True when no issue is an error. */
  valid: boolean;
  issues: ValidationIssue[];
  /** The parsed spec (defaults filled) when it was structurally sound. */
  spec?: FlowSpec;
}

const variableNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Report = (code: IssueCode, message: string, target: IssueTarget, severity?: 'error' | 'warning') => void;

/** Checks a FlowSpec (any JSON) and returns every problem at once. */
export function validate(input: unknown): ValidationResult {
  const parsed = flowSpecSchema.safeParse(input);
  if (!parsed.success) return { valid: false, issues: schemaIssues(parsed.error) };
  const spec = parsed.data;
  const issues: ValidationIssue[] = [];
  const report: Report = (code, message, target, severity = 'error') =>
    issues.push({ code, severity, message, target });

  checkAgents(spec, report);
  const toolNames = checkEdges(spec, report);
  checkVariables(spec, report);
  checkSettings(spec, report);
  checkProviders(spec, report);
  checkScenarios(spec, report);
  checkScriptRules(spec, report);
  checkFlowSteps(spec, toolNames, report);
  checkSimulatedCallers(spec, report);
  return { valid: !issues.some((i) => i.severity === 'error'), issues, spec };
}

function schemaIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return {
      code: 'schema_invalid' as const,
      severity: 'error' as const,
      message: path ? `${path}: ${issue.message}` : issue.message,
      target: { kind: 'flow' as const, path },
    };
  });
}

function checkAgents(spec: FlowSpec, report: Report): void {
  const seen = new Set<string>();
  spec.agents.forEach((agent, i) => {
    if (seen.has(agent.id)) {
      report('agent_duplicate_id', `Two agents share the id "${agent.id}"; ids must be unique.`, {
        kind: 'agent',
        id: agent.id,
        path: `agents.${i}.id`,
      });
    }
    seen.add(agent.id);
  });

  if (!spec.entryAgentId) {
    report('entry_missing', 'Choose an entry agent: the agent that answers the call.', {
      kind: 'flow',
      path: 'entryAgentId',
    });
  } else if (!seen.has(spec.entryAgentId)) {
    report('entry_unknown', `The entry agent "${spec.entryAgentId}" does not exist.`, {
      kind: 'flow',
      path: 'entryAgentId',
    });
  }

  const reachable = reachableFrom(spec);
  spec.agents.forEach((agent, i) => {
    if (reachable.size > 0 && !reachable.has(agent.id)) {
      report(
        'agent_unreachable',
        `No handoff leads to "${agent.name}" from the entry agent, so callers can never reach it.`,
        { kind: 'agent', id: agent.id, path: `agents.${i}` },
        'warning',
      );
    }
  });
}

function reachableFrom(spec: FlowSpec): Set<string> {
  const reached = new Set<string>();
  if (!spec.agents.some((a) => a.id === spec.entryAgentId)) return reached;
  const next = new Map<string, string[]>();
  const link = (from: string, to: string) => {
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  };
  for (const edge of spec.edges) link(edge.from, edge.to);
  // Tool-result branches and global agents lead on without a drawn edge.
  for (const agent of spec.agents) {
    for (const tool of agent.tools) {
      if (tool.type !== 'webhook' || !tool.branches) continue;
      for (const c of tool.branches.cases) link(agent.id, c.to);
      if (tool.branches.default) link(agent.id, tool.branches.default);
    }
    for (const target of globalTargets(spec, agent)) link(agent.id, target.id);
  }
  const queue = [spec.entryAgentId];
  reached.add(spec.entryAgentId);
  while (queue.length > 0) {
    for (const to of next.get(queue.pop() as string) ?? []) {
      if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  return reached;
}

/** Checks edges and tool names; returns the LLM tool names of each agent so far. */
function checkEdges(spec: FlowSpec, report: Report): Map<string, Set<string>> {
  const agents = new Map(spec.agents.map((a) => [a.id, a]));
  const edgeIds = new Set<string>();
  // Tool names per agent: its own tools, set_variable, then one handoff tool per outgoing edge.
  const toolNames = new Map<string, Set<string>>();

  spec.agents.forEach((agent, i) => {
    const names = new Set<string>();
    if (spec.variables.length > 0) names.add(SET_VARIABLE_TOOL);
    agent.tools.forEach((tool, t) => {
      const target: IssueTarget = { kind: 'tool', agentId: agent.id, id: tool.name, path: `agents.${i}.tools.${t}` };
      if (!toolNamePattern.test(tool.name)) {
        report(
          'tool_name_invalid',
          `Tool name "${tool.name}" on "${agent.name}" must be 1-64 letters, digits, "_" or "-".`,
          { ...target, path: `${target.path}.name` },
        );
      }
      if (names.has(tool.name)) {
        report('tool_duplicate_name', `"${agent.name}" has two tools named "${tool.name}".`, {
          ...target,
          path: `${target.path}.name`,
        });
      }
      names.add(tool.name);
      if (tool.type === 'webhook') checkWebhook(agent.name, tool, target, report);
    });
    toolNames.set(agent.id, names);
  });

  spec.edges.forEach((edge, i) => {
    const path = `edges.${i}`;
    const target: IssueTarget = { kind: 'edge', id: edge.id, path };
    if (edgeIds.has(edge.id)) {
      report('edge_duplicate_id', `Two handoffs share the id "${edge.id}".`, { ...target, path: `${path}.id` });
    }
    edgeIds.add(edge.id);
    const from = agents.get(edge.from);
    const to = agents.get(edge.to);
    if (!from) {
      report('edge_from_unknown', `A handoff starts at agent "${edge.from}", which does not exist.`, {
        ...target,
        path: `${path}.from`,
      });
    }
    if (!to) {
      report('edge_to_unknown', `A handoff leads to agent "${edge.to}", which does not exist.`, {
        ...target,
        path: `${path}.to`,
      });
    }
    if (edge.from === edge.to) {
      report('edge_self_handoff', `"${from?.name ?? edge.from}" hands off to itself; remove this handoff.`, target);
    }
    const fewestTurns = numberRange(handoffLastNSetting).min;
    if (edge.contextPolicy === 'lastN' && edge.lastN < fewestTurns) {
      report('setting_out_of_range', `Keep at least ${fewestTurns} turn when passing the last N turns.`, {
        ...target,
        path: `${path}.lastN`,
      });
    }
    // Automatic edges (conditions, say nodes) generate no LLM tool.
    if (isAutomaticEdge(edge, from)) return;
    const name = handoffToolName(edge, to);
    if (!toolNamePattern.test(name)) {
      report('tool_name_invalid', `Handoff tool name "${name}" must be 1-64 letters, digits, "_" or "-".`, {
        ...target,
        path: `${path}.toolName`,
      });
    }
    const names = toolNames.get(edge.from);
    if (names?.has(name)) {
      report('tool_duplicate_name', `"${from?.name ?? edge.from}" already has a tool named "${name}".`, {
        ...target,
        path: `${path}.toolName`,
      });
    }
    names?.add(name);
  });
  return toolNames;
}

function checkWebhook(
  agentName: string,
  tool: Extract<FlowSpec['agents'][number]['tools'][number], { type: 'webhook' }>,
  target: IssueTarget,
  report: Report,
): void {
  let protocol = '';
  try {
    protocol = new URL(tool.url).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    report(
      'webhook_url_invalid',
      `Webhook "${tool.name}" on "${agentName}" needs an http:// or https:// URL, not "${tool.url}".`,
      { ...target, path: `${target.path}.url` },
    );
  }
  const params = tool.parameters;
  const properties = params.properties;
  if (
    params.type !== 'object' ||
    (properties !== undefined && (typeof properties !== 'object' || properties === null))
  ) {
    report(
      'webhook_parameters_invalid',
      `Parameters of "${tool.name}" must be a JSON Schema of type "object" with a "properties" map.`,
      { ...target, path: `${target.path}.parameters` },
    );
  }
  const timeout = outOfRange(tool.timeoutMs, numberRange(webhookTimeoutSetting), webhookTimeoutSetting.unit);
  if (timeout) {
    report('setting_out_of_range', `Timeout of "${tool.name}" ${timeout}.`, {
      ...target,
      path: `${target.path}.timeoutMs`,
    });
  }
}

function checkVariables(spec: FlowSpec, report: Report): void {
  const defined = new Set<string>();
  spec.variables.forEach((variable, i) => {
    const target: IssueTarget = { kind: 'variable', id: variable.name, path: `variables.${i}.name` };
    if (!variableNamePattern.test(variable.name)) {
      report(
        'variable_name_invalid',
        `Variable name "${variable.name}" must start with a letter or "_" and hold only letters, digits and "_".`,
        target,
      );
    }
    if (defined.has(variable.name)) {
      report('variable_duplicate', `Two variables are named "${variable.name}".`, target);
    }
    defined.add(variable.name);
  });

  const check = (text: string | undefined, where: string, target: IssueTarget) => {
    for (const name of referencedVariables(text ?? '')) {
      if (!defined.has(name)) {
        report('variable_undefined', `${where} uses {{${name}}}, but no variable "${name}" is defined.`, target);
      }
    }
  };
  spec.agents.forEach((agent, i) => {
    const base = { kind: 'agent' as const, id: agent.id };
    check(agent.instructions, `Instructions of "${agent.name}"`, { ...base, path: `agents.${i}.instructions` });
    check(agent.greeting, `Greeting of "${agent.name}"`, { ...base, path: `agents.${i}.greeting` });
  });
  spec.edges.forEach((edge, i) => {
    check(edge.transferLine, 'A transfer line', { kind: 'edge', id: edge.id, path: `edges.${i}.transferLine` });
  });
}

function read(overrides: TurnHandlingOverrides, path: string): unknown {
  let value: unknown = overrides;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

/** Why a number is outside its setting's range, or undefined when it is inside. */
function outOfRange(value: number, range: { min: number; max?: number }, unit: string): string | undefined {
  const { min, max } = range;
  if (max !== undefined && (value < min || value > max)) return `must be between ${min} and ${max} (got ${value})`;
  if (value >= min) return undefined;
  const got = `got ${value}${unit ? ` ${unit}` : ''}`;
  return min === 0 ? `cannot be negative (${got})` : `must be at least ${min} (${got})`;
}

function checkSettings(spec: FlowSpec, report: Report): void {
  const layers: {
    overrides: TurnHandlingOverrides | undefined;
    prefix: string;
    target: IssueTarget;
    agent?: string;
  }[] = [
    { overrides: spec.settings.turnHandling, prefix: 'settings.turnHandling', target: { kind: 'settings', path: '' } },
    ...spec.agents.map((agent, i) => ({
      overrides: agent.turnHandling,
      prefix: `agents.${i}.turnHandling`,
      target: { kind: 'agent' as const, id: agent.id, path: '' },
      agent: agent.name,
    })),
  ];
  for (const { overrides, prefix, target, agent } of layers) {
    if (!overrides) continue;
    const where = agent ? ` (agent "${agent}")` : '';
    const at = (field: string): IssueTarget => ({ ...target, path: `${prefix}.${field}` });
    // Ranges and units come from the settings schema; each number (or map entry) is checked.
    for (const setting of turnHandlingSettings) {
      if (setting.value.type !== 'number') continue;
      const value = read(overrides, setting.path);
      const entries: [string, unknown][] = setting.map
        ? Object.entries((value ?? {}) as Record<string, unknown>).map(([key, v]) => [`${setting.path}.${key}`, v])
        : [[setting.path, value]];
      for (const [field, entry] of entries) {
        if (typeof entry !== 'number') continue;
        const problem = outOfRange(entry, setting.value, setting.unit);
        if (problem) report('setting_out_of_range', `${field}${where} ${problem}.`, at(field));
      }
    }
    const model = overrides.turnModel?.model;
    if (model && !turnModelNamePattern.test(model)) {
      report(
        'turn_model_name_invalid',
        `turnModel.model${where} must be the name of a model installed on the runtime (letters, digits, ".", "_", "-"), not a path.`,
        at('turnModel.model'),
      );
    }
  }

  // Order checks run on resolved values (an agent's minDelay can clash with the session's
  // maxDelay), reported where the clash was introduced: the session, or the agent overriding it.
  const session = resolveTurnHandling(spec.settings.turnHandling);
  checkOrder(session, true, true, 'settings.turnHandling', { kind: 'settings', path: '' }, '', report);
  spec.agents.forEach((agent, i) => {
    const own = agent.turnHandling;
    if (!own) return;
    const delays = own.endpointing?.minDelay !== undefined || own.endpointing?.maxDelay !== undefined;
    const thresholds = own.vad?.activationThreshold !== undefined || own.vad?.deactivationThreshold !== undefined;
    const settings = resolveTurnHandling(spec.settings.turnHandling, own);
    const target: IssueTarget = { kind: 'agent', id: agent.id, path: '' };
    checkOrder(settings, delays, thresholds, `agents.${i}.turnHandling`, target, ` for "${agent.name}"`, report);
  });
}

function checkOrder(
  settings: TurnHandling,
  delays: boolean,
  thresholds: boolean,
  prefix: string,
  target: IssueTarget,
  where: string,
  report: Report,
): void {
  const { minDelay, maxDelay } = settings.endpointing;
  if (delays && minDelay > maxDelay) {
    report(
      'setting_min_exceeds_max',
      `Endpointing minDelay (${minDelay} ms) is larger than maxDelay (${maxDelay} ms)${where}.`,
      { ...target, path: `${prefix}.endpointing.minDelay` },
    );
  }
  const { activationThreshold, deactivationThreshold } = settings.vad;
  if (thresholds && deactivationThreshold > activationThreshold) {
    report(
      'setting_min_exceeds_max',
      `VAD deactivationThreshold (${deactivationThreshold}) is above activationThreshold (${activationThreshold})${where}.`,
      { ...target, path: `${prefix}.vad.deactivationThreshold` },
    );
  }
}

/** A custom base URL names an http(s) server, for a provider that speaks an OpenAI-compatible API. */
function checkBaseUrl(
  kind: ProviderKind,
  choice: { provider: string; baseUrl?: string } | undefined,
  path: string,
  target: Omit<IssueTarget, 'path'>,
  report: Report,
): void {
  if (choice?.baseUrl === undefined || !isKnownProvider(kind, choice.provider)) return;
  const at = { ...target, path: `${path}.baseUrl` };
  if (!acceptsBaseUrl(kind, choice.provider)) {
    report(
      'provider_base_url_invalid',
      `The ${kind.toUpperCase()} provider "${choice.provider}" does not take a baseUrl; remove it or choose "openai" (OpenAI-compatible).`,
      at,
    );
    return;
  }
  let url: URL | null = null;
  try {
    url = new URL(choice.baseUrl);
  } catch {}
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    report(
      'provider_base_url_invalid',
      `The ${kind.toUpperCase()} baseUrl must be an http:// or https:// address, e.g. http://whisper.internal:8000/v1.`,
      at,
    );
  }
}

function checkProviders(spec: FlowSpec, report: Report): void {
  const check = (kind: ProviderKind, id: string | undefined, path: string, target: Omit<IssueTarget, 'path'>) => {
    if (id !== undefined && !isKnownProvider(kind, id)) {
      report('provider_unknown', `"${id}" is not a known ${kind.toUpperCase()} provider.`, { ...target, path });
    }
  };
  const session = spec.settings.providers;
  for (const kind of ['llm', 'stt', 'tts', 'realtime'] as const) {
    check(kind, session[kind]?.provider, `settings.providers.${kind}.provider`, { kind: 'settings' });
  }
  for (const kind of ['llm', 'stt', 'tts'] as const) {
    checkBaseUrl(kind, session[kind], `settings.providers.${kind}`, { kind: 'settings' }, report);
  }
  // realtime_llm hands turn detection to a speech-to-speech model, so one must be chosen.
  if (!session.realtime) {
    const wants = (overrides: TurnHandlingOverrides | undefined) => overrides?.turnDetection === 'realtime_llm';
    if (wants(spec.settings.turnHandling)) {
      report(
        'realtime_provider_missing',
        'Turn detection "realtime_llm" needs a realtime (speech-to-speech) provider in the session providers.',
        { kind: 'settings', path: 'settings.turnHandling.turnDetection' },
      );
    }
    spec.agents.forEach((agent, i) => {
      if (wants(agent.turnHandling)) {
        report(
          'realtime_provider_missing',
          `"${agent.name}" uses turn detection "realtime_llm", which needs a realtime provider in the session providers.`,
          { kind: 'agent', id: agent.id, path: `agents.${i}.turnHandling.turnDetection` },
        );
      }
    });
  }
  spec.agents.forEach((agent, i) => {
    for (const kind of ['llm', 'stt', 'tts'] as const) {
      check(kind, agent[kind]?.provider, `agents.${i}.${kind}.provider`, { kind: 'agent', id: agent.id });
      checkBaseUrl(kind, agent[kind], `agents.${i}.${kind}`, { kind: 'agent', id: agent.id }, report);
    }
  });
}

/** Script rules run on the linear-time engine: a pattern it cannot compile would never match. */
function checkScriptRules(spec: FlowSpec, report: Report): void {
  spec.agents.forEach((agent, i) => {
    agent.script?.rules.forEach((rule, r) => {
      const compiled = compileSafeRegex(rule.when);
      if (compiled.ok) return;
      report(
        'script_rule_invalid',
        `Agent "${agent.name}", script rule ${r + 1}: "${rule.when}" ${compiled.problem}.`,
        {
          kind: 'agent',
          id: agent.id,
          path: `agents.${i}.script.rules.${r}.when`,
        },
      );
    });
  });
}

function checkScenarios(spec: FlowSpec, report: Report): void {
  const agents = new Set(spec.agents.map((a) => a.id));
  const ids = new Set<string>();
  spec.scenarios.forEach((scenario, i) => {
    const target = { kind: 'scenario' as const, id: scenario.id };
    if (ids.has(scenario.id)) {
      report('scenario_duplicate_id', `Two scenarios share the id "${scenario.id}".`, {
        ...target,
        path: `scenarios.${i}.id`,
      });
    }
    ids.add(scenario.id);
    scenario.turns.forEach((turn, t) => {
      turn.expect.forEach((expectation, e) => {
        const path = `scenarios.${i}.turns.${t}.expect.${e}`;
        if (expectation.kind === 'handoff' && !agents.has(expectation.to)) {
          report(
            'scenario_agent_unknown',
            `Scenario "${scenario.name}" expects a handoff to "${expectation.to}", which is not an agent of this flow.`,
            { ...target, path: `${path}.to` },
          );
        }
        if (expectation.kind !== 'says') return;
        if (!expectation.intent && !expectation.pattern) {
          report(
            'scenario_expectation_empty',
            `Scenario "${scenario.name}", turn ${t + 1}: say what the agent should say (an intent or a pattern).`,
            { ...target, path },
          );
        }
        if (expectation.pattern !== undefined) {
          const compiled = compileSafeRegex(expectation.pattern);
          if (!compiled.ok) {
            report(
              'scenario_pattern_invalid',
              `Scenario "${scenario.name}", turn ${t + 1}: the pattern "${expectation.pattern}" ${compiled.problem}.`,
              { ...target, path: `${path}.pattern` },
            );
          }
        }
      });
    });
  });
}
