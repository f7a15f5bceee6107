'use client';

import { providerCatalog } from '@parley/engine/flow';

type ProviderKind = keyof typeof providerCatalog;

import { SelectField, TextAreaField, TextField } from './fields';

type Choice = { provider: string; model?: string; voice?: string; phrases?: string[] };

/** Props of one provider choice. */
export interface ProviderFieldsProps {
  kind: ProviderKind;
  value: Choice | undefined;
  /** Spec path of the choice, e.g. `agents.0.tts` or `settings.providers.llm`. */
  path: string;
  /** What applies when nothing is chosen, e.g. "Session: espeak". */
  inheritLabel: string;
  onChange: (value: Choice | undefined) => void;
  onBlur?: () => void;
}

const kindLabels: Record<ProviderKind, string> = {
  llm: 'LLM',
  stt: 'Speech-to-text',
  tts: 'Text-to-speech',
  realtime: 'Realtime model',
};

/** A provider (from the engine's catalog) plus its model, and voice or phrases where they apply. */
export function ProviderFields({ kind, value, path, inheritLabel, onChange, onBlur }: ProviderFieldsProps) {
  const catalog = providerCatalog[kind] as Record<string, { label: string }>;
  const options = [
    { value: '', label: inheritLabel },
    ...Object.entries(catalog).map(([id, entry]) => ({ value: id, label: entry.label })),
  ];
  const set = (patch: Partial<Choice>) => {
    if (!value) return;
    const next: Choice = { ...value, ...patch };
    for (const key of Object.keys(patch) as (keyof Choice)[]) {
      const v = next[key];
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[key];
    }
    onChange(next);
  };
  return (
    <fieldset className="provider-fields">
      <legend>{kindLabels[kind]}</legend>
      <SelectField
        label="Provider"
        path={`${path}.provider`}
        value={value?.provider ?? ''}
        options={options}
        onChange={(provider) => onChange(provider ? { ...value, provider } : undefined)}
        onBlur={onBlur}
      />
      {value && (
        <TextField
          label="Model"
          path={`${path}.model`}
          value={value.model ?? ''}
          placeholder="Provider default"
          onChange={(model) => set({ model })}
          onBlur={onBlur}
        />
      )}
      {value && (kind === 'tts' || kind === 'realtime') && (
        <TextField
          label="Voice"
          path={`${path}.voice`}
          value={value.voice ?? ''}
          placeholder="Provider default"
          onChange={(voice) => set({ voice })}
          onBlur={onBlur}
        />
      )}
      {value && kind === 'stt' && (
        <TextAreaField
          label="Expected phrases (one per line)"
          path={`${path}.phrases`}
          help="Offline grammar-based recognizers only hear these phrases."
          value={(value.phrases ?? []).join('\n')}
          onChange={(text) =>
            set({ phrases: text.split('\n').filter((line, i, all) => line !== '' || i === all.length - 1) })
          }
          onBlur={onBlur}
        />
      )}
    </fieldset>
  );
}
