'use client';

import { type FlowSpec, turnHandlingDefaults } from '@parley/engine/flow';
import { FlowSlugField } from '@/src/slugs/FlowSlugField';
import { SpeechFields } from '../settings/SpeechFields';
import { TurnHandlingFields } from '../settings/TurnHandlingFields';
import { setPath } from '../state/paths';
import { SelectField, TextAreaField, TextField } from './fields';
import { ProviderFields } from './ProviderFields';

/** Props of the session settings panel. */
export interface SessionPanelProps {
  flowId: string;
  spec: FlowSpec;
  edit: (update: (spec: FlowSpec) => FlowSpec, coalesceKey?: string) => void;
  seal: () => void;
}

/** Flow-wide settings: name, slug, entry agent, language, providers, every turn-handling setting and speech. */
export function SessionPanel({ flowId, spec, edit, seal }: SessionPanelProps) {
  const set = (path: string, value: unknown) => edit((s) => setPath(s, path, value), `session:${path}`);
  // Edited below their parent objects so clearing the last value never removes the object itself.
  const setSettings = (part: 'turnHandling' | 'providers', path: string, value: unknown) =>
    edit(
      (s) => ({ ...s, settings: { ...s.settings, [part]: setPath(s.settings[part], path, value) } }),
      `session:${part}.${path}`,
    );
  return (
    <section className="inspector" aria-label="Session settings">
      <h2>Session</h2>
      <TextField label="Flow name" path="name" value={spec.name} onChange={(name) => set('name', name)} onBlur={seal} />
      <TextAreaField
        label="Description"
        path="description"
        rows={2}
        value={spec.description}
        onChange={(d) => set('description', d)}
        onBlur={seal}
      />
      {/* Not part of the FlowSpec: saved through its own route, so it never waits for autosave. */}
      <FlowSlugField flowId={flowId} />
      <SelectField
        label="Entry agent"
        path="entryAgentId"
        help="The agent that answers the call."
        value={spec.entryAgentId}
        options={[{ value: '', label: '(none)' }, ...spec.agents.map((a) => ({ value: a.id, label: a.name }))]}
        onChange={(id) => edit((s) => ({ ...s, entryAgentId: id }))}
      />
      <TextField
        label="Language"
        path="settings.language"
        help="Language code for recognition and end-of-turn thresholds. Default: en."
        value={spec.settings.language}
        onChange={(language) => set('settings.language', language)}
        onBlur={seal}
      />
      <details className="section">
        <summary>Providers</summary>
        {(['llm', 'stt', 'tts', 'realtime'] as const).map((kind) => (
          <ProviderFields
            key={kind}
            kind={kind}
            path={`settings.providers.${kind}`}
            value={spec.settings.providers[kind]}
            inheritLabel={kind === 'realtime' ? 'None' : 'Offline default'}
            onChange={(value) => setSettings('providers', kind, value)}
            onBlur={seal}
          />
        ))}
      </details>
      <h3>Turn handling</h3>
      <TurnHandlingFields
        overrides={spec.settings.turnHandling}
        inherited={turnHandlingDefaults}
        scope="session"
        pathPrefix="settings.turnHandling"
        onChange={(path, value) => setSettings('turnHandling', path, value)}
        onBlur={seal}
      />
      <h3>Speech</h3>
      <SpeechFields
        settings={spec.settings}
        onChange={(part, value) =>
          edit((s) => ({ ...s, settings: { ...s.settings, [part]: value } }), `session:${part}`)
        }
        onBlur={seal}
      />
    </section>
  );
}
