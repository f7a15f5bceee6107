import { z } from 'zod';
import { type SettingMeta, settingsRegistry } from './settings/meta';
import { speechHygieneSchema, userTurnLimitSchema } from './speech-schema';

/** One speech setting as forms show it: label, help, unit, lower bound and default, read off the schema. */
export interface SpeechSettingInfo {
  label: string;
  help: string;
  unit: string;
  min?: number;
  default?: unknown;
}

/** Reads a speech field's metadata through optional()/default(); throws, naming it, when it has none. */
function describeSpeechField(field: z.ZodType, name: string): SpeechSettingInfo {
  let inner = field;
  let fallback: unknown;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
    if (inner instanceof z.ZodDefault) fallback = inner._zod.def.defaultValue;
    inner = inner.unwrap() as z.ZodType;
  }
  const meta = settingsRegistry.get(inner) as SettingMeta | undefined;
  if (!meta || !('label' in meta))
    throw new Error(`Speech setting "${name}" has no label: register it in speech-schema.ts.`);
  return { label: meta.label, help: meta.help, unit: meta.unit, min: meta.min, default: fallback };
}

const limit = userTurnLimitSchema.shape;
const hygiene = speechHygieneSchema.shape;

/** The user turn limit and speech hygiene settings, keyed by field name (settings.userTurnLimit / settings.speech). */
export const speechSettings = {
  maxWords: describeSpeechField(limit.maxWords, 'userTurnLimit.maxWords'),
  maxDurationMs: describeSpeechField(limit.maxDurationMs, 'userTurnLimit.maxDurationMs'),
  line: describeSpeechField(limit.line, 'userTurnLimit.line'),
  filterMarkup: describeSpeechField(hygiene.filterMarkup, 'speech.filterMarkup'),
  pronunciations: describeSpeechField(hygiene.pronunciations, 'speech.pronunciations'),
} as const;
