'use client';

import type { TurnHandling, TurnHandlingOverrides } from '@parley/engine/flow';
import { NumberField, SelectField, TextField } from '../inspectors/fields';
import { getPath } from '../state/paths';
import { formatSetting, type SettingMeta, settingDefault, settingGroups, settingsMetadata } from './settings-metadata';

/** Props of the turn-handling form. */
export interface TurnHandlingFieldsProps {
  overrides: TurnHandlingOverrides | undefined;
  /** Values in force when a field is left empty: defaults for the session, session values for an agent. */
  inherited: TurnHandling;
  /** `session` or `agent`: changes how "not set" reads. */
  scope: 'session' | 'agent';
  /** Spec path of `overrides`, e.g. `settings.turnHandling` or `agents.2.turnHandling`. */
  pathPrefix: string;
  /** Sets one setting (path relative to TurnHandling); undefined clears it. */
  onChange: (path: string, value: unknown) => void;
  onBlur?: () => void;
  /** Shows only the settings this accepts (default: all). */
  only?: (meta: SettingMeta) => boolean;
}

/** Every turn-handling setting, grouped, each with its default, unit and a one-line explanation. */
export function TurnHandlingFields({ only = () => true, ...props }: TurnHandlingFieldsProps) {
  const shown = settingsMetadata.filter(only);
  return (
    <div className="turn-handling-fields">
      {settingGroups
        .filter((group) => shown.some((meta) => meta.group === group))
        .map((group) => (
          <fieldset key={group} className="settings-group">
            <legend>{group}</legend>
            {shown
              .filter((meta) => meta.group === group)
              .map((meta) => (
                <SettingField key={meta.path} meta={meta} {...props} />
              ))}
          </fieldset>
        ))}
    </div>
  );
}

function SettingField({
  meta,
  overrides,
  inherited,
  scope,
  pathPrefix,
  onChange,
  onBlur,
}: TurnHandlingFieldsProps & { meta: SettingMeta }) {
  const path = `${pathPrefix}.${meta.path}`;
  const own = getPath(overrides, meta.path);
  const fallback = getPath(inherited, meta.path);
  const notSet = scope === 'session' ? 'Default' : 'Session';
  const help = (
    <>
      {meta.help}{' '}
      <span className="setting-default">
        Default: {formatSetting(settingDefault(meta), meta)}
        {meta.unit ? ` · unit: ${meta.unit}` : ''}
        {scope === 'agent' ? ` · session: ${formatSetting(fallback, meta)}` : ''}
      </span>
    </>
  );
  const { input } = meta;
  if (input.type === 'number') {
    return (
      <NumberField
        label={meta.label}
        path={path}
        help={help}
        value={typeof own === 'number' ? own : undefined}
        placeholder={`${notSet}: ${formatSetting(fallback, meta)}`}
        step={input.step}
        min={input.min}
        max={input.max}
        onChange={(value) => onChange(meta.path, value)}
        onBlur={onBlur}
      />
    );
  }
  if (input.type === 'text') {
    return (
      <TextField
        label={meta.label}
        path={path}
        help={help}
        value={typeof own === 'string' ? own : ''}
        placeholder={`${notSet}: ${formatSetting(fallback, meta)}`}
        onChange={(value) => onChange(meta.path, value === '' ? undefined : value)}
        onBlur={onBlur}
      />
    );
  }
  const choices = input.type === 'boolean' ? ['true', 'false'] : input.options;
  const label = (value: string) => (input.type === 'boolean' ? (value === 'true' ? 'on' : 'off') : value);
  return (
    <SelectField
      label={meta.label}
      path={path}
      help={help}
      value={own === undefined ? '' : String(own)}
      options={[
        { value: '', label: `${notSet} (${formatSetting(fallback, meta)})` },
        ...choices.map((value) => ({ value, label: label(value) })),
      ]}
      onChange={(value) =>
        onChange(meta.path, value === '' ? undefined : input.type === 'boolean' ? value === 'true' : value)
      }
      onBlur={onBlur}
    />
  );
}
