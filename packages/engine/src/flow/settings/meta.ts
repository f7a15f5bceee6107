import { z } from 'zod';

/** What the inspector, validate() and the JSON Schema know of one setting, beside its zod type. */
export interface SettingMeta {
  /** Short name shown beside the field. */
  label: string;
  /** One sentence on what the setting does. */
  help: string;
  /** Unit printed after numbers (`ms`, `probability`...); empty only for choices, switches and text. */
  unit: string;
  /** Smallest valid number (numbers and number maps). */
  min?: number;
  /** Largest valid number, when there is one. */
  max?: number;
  /** Step of the inspector's number field. */
  step?: number;
  /** Form section; nested settings take their group's. */
  group?: string;
  /** For maps (per-language thresholds): the keys the inspector shows, each with its label and help. */
  keys?: Record<string, { label: string; help: string }>;
}

/** A group of settings (an object of the schema) and the form section it fills. */
export interface SettingGroupMeta {
  group: string;
}

/**
 * Metadata of settings and setting groups, keyed by zod schema instance (a zod 4 registry).
 * setting() and settingGroup() register; the catalog reads.
 */
export const settingsRegistry = z.registry<SettingMeta | SettingGroupMeta>();

/** Registers a setting's metadata on its zod type and gives it its default. */
export function setting<T extends z.ZodType>(schema: T, meta: SettingMeta, fallback: z.output<T>) {
  settingsRegistry.add(schema as z.ZodType, meta);
  return schema.default(fallback as z.util.NoUndefined<z.core.output<T>>);
}

/** Registers the form section of an object of settings; its leaves take their defaults when absent. */
export function settingGroup<T extends z.ZodObject>(schema: T, group: string) {
  settingsRegistry.add(schema as z.ZodObject, { group });
  return schema.prefault({} as z.input<T>);
}
