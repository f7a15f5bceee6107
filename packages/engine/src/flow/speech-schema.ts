import { z } from 'zod';
import { settingsRegistry } from './settings/meta';

/** Registers a speech setting's label, help and range where the builder's forms read them. */
const described = <T extends z.ZodType>(
  schema: T,
  meta: { label: string; help: string; unit?: string; min?: number },
) => {
  settingsRegistry.add(schema, { unit: '', ...meta });
  return schema;
};

/** When the caller talks too long, the agent cuts in with `line` (after LiveKit Agents' user turn limits). */
export const userTurnLimitSchema = z
  .object({
    /** Words of one user turn (as transcribed so far) before the agent cuts in. */
    maxWords: described(z.number().int(), {
      label: 'Max words',
      help: 'Words of one caller turn (as transcribed so far) before the agent cuts in.',
      unit: 'words',
      min: 1,
    }).optional(),
    /** Milliseconds of continuous user speech before the agent cuts in. */
    maxDurationMs: described(z.number().int(), {
      label: 'Max duration',
      help: 'Continuous caller speech before the agent cuts in.',
      unit: 'ms',
      min: 1000,
    }).optional(),
    line: described(z.string().min(1).max(2000), {
      label: 'Cut-in line',
      help: 'What the agent says when it cuts in.',
    }).default('Sorry to cut in. Let me make sure I have that right.'),
  })
  .strict();

/** Text clean-up before TTS: what the caller hears, not what the transcript shows. */
export const speechHygieneSchema = z
  .object({
    /** Removes markdown (emphasis, headings, links, code, list bullets) and emoji before TTS. */
    filterMarkup: described(z.boolean(), {
      label: 'Filter markdown and emoji',
      help: 'Removes markdown (emphasis, headings, links, code, list bullets) and emoji before the text is spoken.',
    }).default(false),
    /** Words spoken differently from how they are written, e.g. `SQL` -> `sequel`. Whole words, case-insensitive. */
    pronunciations: described(z.array(z.object({ word: z.string().min(1), say: z.string() }).strict()), {
      label: 'Pronunciations',
      help: 'Words spoken differently from how they are written, e.g. SQL → sequel. Whole words, case-insensitive.',
    }).default([]),
  })
  .strict();

export type UserTurnLimit = z.infer<typeof userTurnLimitSchema>;
export type SpeechHygiene = z.infer<typeof speechHygieneSchema>;
