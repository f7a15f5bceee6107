import { globalTargets, globalToolName, isLlmAgent, llmToolNames } from './agent-tools';
import { checkCondition } from './conditions';
import type { IssueCode, IssueTarget } from './issues';
import { parseJsonPath } from './json-path';
import type { FlowSpec, HandoffEdge } from './schema';
import { speechSettings } from './speech-settings';
import { referencedVariables } from './template';
import { toolNamePattern } from './tool-names';

type Report = (code: IssueCode, message: string, target: IssueTarget, severity?: 'error' | 'warning') => void;

/** Checks the v2 constructs: conditions, say/end nodes, on-enter steps, branches, globals, script rule tools, speech settings. */
export function checkFlowSteps(spec: FlowSpec, toolNames: Map<string, Set<string>>, report: Report): void {
  checkConditions(spec, report);
  checkNodes(spec, report);
  checkGlobals(spec, toolNames, report);
  checkScriptRuleTools(spec, report);
  checkSpeech(spec, report);
}

function checkConditions(spec: FlowSpec, report: Report): void {
  spec.edges.forEach((edge, i) => {
    if (edge.condition === undefined) return;
    for (const { code, problem } of checkCondition(edge.condition, spec.variables)) {
      report(code, `The condition "${edge.condition}" ${problem}.`, {
        kind: 'edge',
        id: edge.id,
        path: `edges.${i}.condition`,
      });
    }
  });
}

function checkNodes(spec: FlowSpec, report: Report): void {
  const agentIds = new Set(spec.agents.map((a) => a.id));
  const outgoingOf = new Map<string, [HandoffEdge, number][]>();
  spec.edges.forEach((edge, j) => {
    const list = outgoingOf.get(edge.from);
    if (list) list.push([edge, j]);
    else outgoingOf.set(edge.from, [[edge, j]]);
  });
  spec.agents.forEach((agent, i) => {
    const at = (path: string): IssueTarget => ({ kind: 'agent', id: agent.id, path: `agents.${i}.${path}` });
    const kind = agent.kind ?? 'agent';
    if (kind !== 'agent' && !agent.onEnter?.say?.trim()) {
      report(
        'node_line_missing',
        `The ${kind} node "${agent.name}" has nothing to say; write its line.`,
        at('onEnter.say'),
      );
    }
    const outgoing = outgoingOf.get(agent.id) ?? [];
    if (kind === 'say' && outgoing.length === 0) {
      report('say_next_missing', `The say node "${agent.name}" leads nowhere; connect it to the next step.`, {
        kind: 'agent',
        id: agent.id,
        path: `agents.${i}`,
      });
    }
    if (kind === 'end') {
      for (const [edge, j] of outgoing) {
        report('end_has_edges', `"${agent.name}" ends the call, so its handoff to "${edge.to}" never runs.`, {
          kind: 'edge',
          id: edge.id,
          path: `edges.${j}.from`,
        });
      }
    }
    const onEnter = agent.onEnter;
    for (const name of referencedVariables(onEnter?.say ?? '')) {
      if (!spec.variables.some((v) => v.name === name)) {
        report(
          'variable_undefined',
          `The line of "${agent.name}" uses {{${name}}}, but no variable "${name}" is defined.`,
          at('onEnter.say'),
        );
      }
    }
    if (onEnter?.tool) {
      const tool = agent.tools.find((t) => t.name === onEnter.tool?.name && t.type === 'webhook');
      if (!tool) {
        report(
          'on_enter_tool_unknown',
          `"${agent.name}" calls "${onEnter.tool.name}" on entering, but has no webhook tool of that name.`,
          at('onEnter.tool.name'),
        );
      }
    }
    const digits = onEnter?.collectDigits;
    if (digits) {
      if (!spec.variables.some((v) => v.name === digits.variable)) {
        report(
          'variable_undefined',
          `"${agent.name}" collects digits into "${digits.variable}", but no such variable is defined.`,
          at('onEnter.collectDigits.variable'),
        );
      }
      if (digits.maxDigits < 1 || digits.maxDigits > 32) {
        report(
          'setting_out_of_range',
          `Max digits must be between 1 and 32 (got ${digits.maxDigits}).`,
          at('onEnter.collectDigits.maxDigits'),
        );
      }
      if (digits.timeoutMs < 500 || digits.timeoutMs > 60000) {
        report(
          'setting_out_of_range',
          `Digit timeout must be between 500 and 60000 ms (got ${digits.timeoutMs}).`,
          at('onEnter.collectDigits.timeoutMs'),
        );
      }
    }
    agent.tools.forEach((tool, t) => {
      if (tool.type !== 'webhook' || !tool.branches) return;
      const base = `agents.${i}.tools.${t}.branches`;
      const target = (path: string): IssueTarget => ({
        kind: 'tool',
        agentId: agent.id,
        id: tool.name,
        path: `${base}.${path}`,
      });
      const parsed = parseJsonPath(tool.branches.path);
      if (!parsed.ok) {
        report(
          'branch_path_invalid',
          `The result path "${tool.branches.path}" of "${tool.name}" ${parsed.problem}.`,
          target('path'),
        );
      }
      const targets: [string, string][] = tool.branches.cases.map((c, k) => [c.to, `cases.${k}.to`]);
      if (tool.branches.default !== undefined) targets.push([tool.branches.default, 'default']);
      for (const [to, path] of targets) {
        if (!agentIds.has(to)) {
          report(
            'branch_target_unknown',
            `A result branch of "${tool.name}" leads to "${to}", which does not exist.`,
            target(path),
          );
        }
      }
    });
  });
}

function checkGlobals(spec: FlowSpec, toolNames: Map<string, Set<string>>, report: Report): void {
  const index = new Map(spec.agents.map((a, i) => [a.id, i]));
  spec.agents.forEach((global, gi) => {
    if (!global.global) return;
    const name = globalToolName(global);
    const at: IssueTarget = { kind: 'agent', id: global.id, path: `agents.${gi}.global.toolName` };
    if (!toolNamePattern.test(name)) {
      report('tool_name_invalid', `Handoff tool name "${name}" must be 1-64 letters, digits, "_" or "-".`, at);
    }
  });
  for (const agent of spec.agents) {
    const names = toolNames.get(agent.id);
    for (const target of globalTargets(spec, agent)) {
      const name = globalToolName(target);
      if (names?.has(name)) {
        report(
          'tool_duplicate_name',
          `"${agent.name}" already has a tool named "${name}" (the handoff to global "${target.name}").`,
          {
            kind: 'agent',
            id: target.id,
            path: `agents.${index.get(target.id)}.global.toolName`,
          },
        );
      }
      names?.add(name);
    }
  }
}

/** A script rule may only call what the agent's LLM could call. */
function checkScriptRuleTools(spec: FlowSpec, report: Report): void {
  spec.agents.forEach((agent, i) => {
    const rules = agent.script?.rules ?? [];
    if (rules.length === 0 || !isLlmAgent(agent)) return;
    const names = llmToolNames(spec, agent);
    rules.forEach((rule, r) => {
      if (!rule.call || names.has(rule.call.tool)) return;
      report(
        'script_rule_tool_unknown',
        `Agent "${agent.name}", script rule ${r + 1} calls "${rule.call.tool}", which this agent does not have (it has: ${[...names].join(', ') || 'no tools'}).`,
        { kind: 'agent', id: agent.id, path: `agents.${i}.script.rules.${r}.call.tool` },
      );
    });
  });
}

function checkSpeech(spec: FlowSpec, report: Report): void {
  const limit = spec.settings.userTurnLimit;
  if (!limit) return;
  // The bounds come from speech-schema.ts, where the inspector reads them too.
  for (const field of ['maxWords', 'maxDurationMs'] as const) {
    const value = limit[field];
    const { min = 0, unit } = speechSettings[field];
    if (value === undefined || value >= min) continue;
    report('setting_out_of_range', `userTurnLimit.${field} must be at least ${min} ${unit} (got ${value}).`, {
      kind: 'settings',
      path: `settings.userTurnLimit.${field}`,
    });
  }
}
