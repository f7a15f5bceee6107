import { numberRange, type SettingInfo, turnHandlingDefaults, turnHandlingSettings } from '@parley/engine/flow';
import { getPath } from '../state/paths';

/** How a setting is edited. */
export type SettingInput =
  | { type: 'number'; step?: number; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'choice'; options: readonly string[] }
  | { type: 'text' };

/** One turn-handling field as the forms show it. */
export interface SettingMeta {
  /** Path inside TurnHandling, e.g. `endpointing.minDelay`. */
  path: string;
  label: string;
  group: string;
  input: SettingInput;
  unit: string;
  help: string;
}

function field(setting: SettingInfo): SettingMeta {
  const { path, label, group, unit, help, value } = setting;
  return { path, label, group, unit, help, input: value };
}

/**
 * Every turn-handling field, read off the engine's settings schema (labels, units, ranges, help
 * and defaults live there, once). A map (per-language thresholds) gives one field per key the
 * schema lists. The session form and the agent override form both render from this list.
 */
export const settingsMetadata: readonly SettingMeta[] = turnHandlingSettings.flatMap((setting) =>
  setting.map
    ? Object.entries(setting.keys ?? {}).map(([key, { label, help }]) => ({
        ...field(setting),
        path: `${setting.path}.${key}`,
        label,
        help,
      }))
    : [field(setting)],
);

/** The engine's default of a setting. */
export function settingDefault(meta: SettingMeta): unknown {
  return getPath(turnHandlingDefaults, meta.path);
}

/** A value as the forms print it, with its unit. */
export function formatSetting(value: unknown, meta: SettingMeta): string {
  if (value === undefined || value === '') return '—';
  const text = typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value);
  return meta.unit && typeof value === 'number' ? `${text} ${meta.unit}` : text;
}

/** The group names, in schema order. */
export const settingGroups: readonly string[] = [...new Set(settingsMetadata.map((m) => m.group))];

/** Help of a number field outside the settings forms (webhook timeout, turns kept): from the schema. */
export function numberFieldHelp(setting: SettingInfo): string {
  const { min, max } = numberRange(setting);
  const range = max === undefined ? '' : `; ${min}–${max} ${setting.unit}`;
  return `${setting.help} Default: ${setting.default} ${setting.unit}${range}.`;
}
