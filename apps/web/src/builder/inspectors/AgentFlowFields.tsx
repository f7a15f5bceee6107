'use client';

import type { AgentSpec, FlowSpec } from '@parley/engine/flow';
import { setPath } from '../state/paths';
import { TextAreaField } from './fields';
import { OnEnterStepsFields } from './OnEnterStepsFields';

/** Props of the flow-language fields of one agent. */
export interface AgentFlowFieldsProps {
  spec: FlowSpec;
  agent: AgentSpec;
  /** Spec path of the agent, `agents.N`. */
  at: string;
  change: (field: string, update: (a: AgentSpec) => AgentSpec) => void;
  seal: () => void;
}

/**
 * The v2 flow-language fields of a node: the line said on entering (a say/end node's only line),
 * and for LLM agents whether every agent can reach it (global) and whether it may reach globals.
 */
export function AgentFlowFields({ spec, agent, at, change, seal }: AgentFlowFieldsProps) {
  const kind = agent.kind ?? 'agent';
  const line = agent.onEnter?.say ?? '';
  const setLine = (say: string) =>
    change('onEnter.say', (a) => setPath(a, 'onEnter.say', say === '' && kind === 'agent' ? undefined : say));
  return (
    <section className="section" aria-label="Flow">
      <TextAreaField
        label={kind === 'agent' ? 'Say on entering' : kind === 'end' ? 'Last line' : 'Line'}
        path={`${at}.onEnter.say`}
        rows={2}
        help={
          kind === 'agent'
            ? 'Fixed text said before anything else when the caller arrives (no LLM); empty for none.'
            : kind === 'say'
              ? 'Said word for word (no LLM); then the first connection whose condition holds is taken.'
              : 'Said word for word; then the call ends.'
        }
        value={line}
        onChange={setLine}
        onBlur={seal}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          data-path={`${at}.global`}
          checked={agent.global !== undefined}
          onChange={(e) =>
            change('global', (a) => setPath(a, 'global', e.target.checked ? { when: a.global?.when ?? '' } : undefined))
          }
        />
        Global agent
      </label>
      <p className="field-help">Every other agent gets a handoff tool to it; no edges to draw.</p>
      {agent.global && (
        <TextAreaField
          label="When to transfer here"
          path={`${at}.global.when`}
          rows={2}
          help="Every other agent's LLM reads this in its generated handoff tool."
          value={agent.global.when}
          onChange={(when) => change('global.when', (a) => setPath(a, 'global.when', when))}
          onBlur={seal}
        />
      )}
      {kind === 'agent' && (
        <label className="checkbox">
          <input
            type="checkbox"
            data-path={`${at}.globalHandoffs`}
            checked={agent.globalHandoffs !== false}
            onChange={(e) =>
              change('globalHandoffs', (a) => setPath(a, 'globalHandoffs', e.target.checked ? undefined : false))
            }
          />
          Reaches global agents
        </label>
      )}
      {kind !== 'end' && <OnEnterStepsFields spec={spec} agent={agent} at={at} change={change} seal={seal} />}
    </section>
  );
}
