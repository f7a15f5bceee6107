import { z } from 'zod';
import { type SettingMeta, settingsRegistry } from './meta';
import { turnHandlingSettingsSchema } from './schema';

/** The kind of value a setting holds, as forms and range checks need it. */
export type SettingValue =
  | { type: 'number'; min: number; max?: number; step?: number }
  | { type: 'boolean' }
  | { type: 'choice'; options: readonly string[] }
  | { type: 'text' };

/** One setting, read off the schema: where it sits, what it holds, and how it is explained. */
export interface SettingInfo {
  /** Dotted path inside TurnHandling (`endpointing.minDelay`), or the field name of a single field. */
  path: string;
  label: string;
  /** Form section; empty for a single field outside the turn-handling forms. */
  group: string;
  help: string;
  unit: string;
  default: unknown;
  /** What the setting holds; for a map, what each entry holds. */
  value: SettingValue;
  /** True for a map from keys (language codes) to values. */
  map: boolean;
  /** For a map: the keys forms show, with their label and help. */
  keys?: SettingMeta['keys'];
  /** The setting's zod type (without optional/default). */
  schema: z.ZodType;
}

const fix = 'give it one in its setting() declaration';

/**
 * Lists every setting of a settings schema in schema order. Throws, naming the setting and the
 * fix, when one lacks metadata, a form group, help, or (for numbers) a unit and a lower bound.
 */
export function describeSettings(schema: z.ZodObject, prefix = '', group?: string): SettingInfo[] {
  const out: SettingInfo[] = [];
  for (const [key, field] of Object.entries(schema.shape)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (field instanceof z.ZodPrefault) {
      const inner = field.unwrap() as z.ZodObject;
      const meta = settingsRegistry.get(inner);
      out.push(...describeSettings(inner, path, meta && 'group' in meta ? meta.group : group));
      continue;
    }
    const info = describeSetting(field, path, group);
    if (!info.group) throw new Error(`Setting "${path}" belongs to no form group: ${fix}.`);
    out.push(info);
  }
  return out;
}

/** Describes one field declared with setting(); throws, naming it, when its metadata is incomplete. */
export function describeSetting(field: z.ZodType, path: string, group?: string): SettingInfo {
  if (!(field instanceof z.ZodDefault)) throw new Error(`Setting "${path}" has no default: declare it with setting().`);
  const inner = field.unwrap() as z.ZodType;
  const meta = settingsRegistry.get(inner);
  if (!meta || !('label' in meta)) throw new Error(`Setting "${path}" has no metadata: declare it with setting().`);
  if (!meta.label.trim() || !meta.help.trim()) throw new Error(`Setting "${path}" has no label or help: ${fix}.`);
  return {
    path,
    label: meta.label,
    group: meta.group ?? group ?? '',
    help: meta.help,
    unit: meta.unit,
    default: field._zod.def.defaultValue,
    value: settingValue(inner instanceof z.ZodRecord ? (inner.valueType as z.ZodType) : inner, meta, path),
    map: inner instanceof z.ZodRecord,
    ...(meta.keys ? { keys: meta.keys } : {}),
    schema: inner,
  };
}

function settingValue(schema: z.ZodType, meta: SettingMeta, path: string): SettingValue {
  if (schema instanceof z.ZodNumber) {
    if (meta.min === undefined) throw new Error(`Number setting "${path}" has no range (min): ${fix}.`);
    if (!meta.unit.trim()) throw new Error(`Number setting "${path}" has no unit: ${fix}.`);
    return { type: 'number', min: meta.min, max: meta.max, step: meta.step };
  }
  if (schema instanceof z.ZodBoolean) return { type: 'boolean' };
  if (schema instanceof z.ZodEnum) return { type: 'choice', options: schema.options as string[] };
  if (schema instanceof z.ZodString) return { type: 'text' };
  throw new Error(`Setting "${path}" has a type forms cannot show (${schema.def.type}).`);
}

/** Every turn-handling setting, in form order. */
export const turnHandlingSettings: readonly SettingInfo[] = describeSettings(turnHandlingSettingsSchema);

/** The range and step of a number setting (throws for other kinds, naming the setting). */
export function numberRange(setting: SettingInfo): Extract<SettingValue, { type: 'number' }> {
  if (setting.value.type !== 'number') throw new Error(`Setting "${setting.path}" is not a number.`);
  return setting.value;
}
