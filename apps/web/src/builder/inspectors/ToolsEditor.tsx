'use client';

import {
  type AgentSpec,
  numberRange,
  type ToolSpec,
  type WebhookToolSpec,
  webhookTimeoutSetting,
} from '@parley/engine/flow';
import { useRowKeys } from '../../lists/use-row-keys';
import { numberFieldHelp } from '../settings/settings-metadata';
import { setPath } from '../state/paths';
import { NumberField, SelectField, TextAreaField, TextField } from './fields';
import { ParametersEditor } from './ParametersEditor';
import { ToolBranchesFields } from './ToolBranchesFields';

/** Props of an agent's tool list. */
export interface ToolsEditorProps {
  tools: ToolSpec[];
  /** Spec path of the list, e.g. `agents.0.tools`. */
  path: string;
  onChange: (tools: ToolSpec[]) => void;
  onBlur?: () => void;
  /** Agents a webhook's result may route to. */
  agents?: readonly Pick<AgentSpec, 'id' | 'name'>[];
}

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const timeout = webhookTimeoutSetting;
const timeoutRange = numberRange(timeout);
const defaultTimeout = Number(timeout.default);

function newWebhook(tools: ToolSpec[]): WebhookToolSpec {
  let n = 1;
  while (tools.some((t) => t.name === `webhook_${n}`)) n++;
  return {
    type: 'webhook',
    name: `webhook_${n}`,
    description: '',
    url: 'https://',
    method: 'POST',
    headers: [],
    parameters: { type: 'object', properties: {} },
    timeoutMs: defaultTimeout,
  };
}

/** The tool calling its URL, its demo response dropped. */
function withoutMock(tool: WebhookToolSpec): WebhookToolSpec {
  const { mockResponse: _demo, ...real } = tool;
  return real;
}

/** The agent's webhook tools (with their parameters) and its end-call tool. */
export function ToolsEditor({ tools, path, onChange, onBlur, agents = [] }: ToolsEditorProps) {
  const toolKeys = useRowKeys(tools.length);
  const update = (index: number, next: ToolSpec) => onChange(tools.map((t, i) => (i === index ? next : t)));
  const hasEndCall = tools.some((t) => t.type === 'end_call');
  return (
    <section className="tools" aria-label="Tools">
      {tools.map((tool, i) => {
        const at = `${path}.${i}`;
        return (
          <fieldset key={toolKeys.keys[i]} className="tool" data-path={at} tabIndex={-1}>
            <legend>{tool.type === 'webhook' ? `Webhook: ${tool.name}` : 'End call'}</legend>
            <TextField
              label="Tool name"
              path={`${at}.name`}
              value={tool.name}
              onChange={(name) => update(i, { ...tool, name })}
              onBlur={onBlur}
            />
            <TextAreaField
              label="Description (when the LLM should call it)"
              path={`${at}.description`}
              rows={2}
              value={tool.description}
              onChange={(description) => update(i, { ...tool, description })}
              onBlur={onBlur}
            />
            {tool.type === 'webhook' && (
              <>
                {tool.mockResponse && (
                  <p className="field-help" data-testid={`${at}.mockResponse`}>
                    Answers with a demo response, so the flow works offline; the URL is not called.{' '}
                    <button type="button" onClick={() => update(i, withoutMock(tool))}>
                      Call the URL instead
                    </button>
                  </p>
                )}
                <TextField
                  label="URL"
                  path={`${at}.url`}
                  type="url"
                  value={tool.url}
                  onChange={(url) => update(i, { ...tool, url })}
                  onBlur={onBlur}
                />
                <SelectField
                  label="Method"
                  path={`${at}.method`}
                  value={tool.method}
                  options={methods.map((m) => ({ value: m, label: m }))}
                  onChange={(method) => update(i, { ...tool, method: method as WebhookToolSpec['method'] })}
                />
                <NumberField
                  label={timeout.label}
                  path={`${at}.timeoutMs`}
                  help={numberFieldHelp(timeout)}
                  value={tool.timeoutMs}
                  min={timeoutRange.min}
                  max={timeoutRange.max}
                  step={timeoutRange.step}
                  onChange={(timeoutMs) => update(i, { ...tool, timeoutMs: timeoutMs ?? defaultTimeout })}
                  onBlur={onBlur}
                />
                <ParametersEditor
                  schema={tool.parameters}
                  path={`${at}.parameters`}
                  onChange={(parameters) => update(i, { ...tool, parameters })}
                  onBlur={onBlur}
                />
                <ToolBranchesFields
                  branches={tool.branches}
                  path={at}
                  agents={agents}
                  onChange={(branches) => update(i, setPath(tool, 'branches', branches))}
                  onBlur={onBlur}
                />
              </>
            )}
            <button
              type="button"
              className="danger-link"
              onClick={() => {
                toolKeys.removed(i);
                onChange(tools.filter((_, j) => j !== i));
              }}
            >
              Remove tool {tool.name}
            </button>
          </fieldset>
        );
      })}
      <div className="button-row">
        <button type="button" onClick={() => onChange([...tools, newWebhook(tools)])}>
          Add webhook tool
        </button>
        <button
          type="button"
          disabled={hasEndCall}
          onClick={() =>
            onChange([
              ...tools,
              { type: 'end_call', name: 'end_call', description: 'End the call when the conversation is complete.' },
            ])
          }
        >
          Add end call
        </button>
      </div>
    </section>
  );
}
