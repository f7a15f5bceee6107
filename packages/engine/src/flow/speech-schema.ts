import { z } from 'zod';

/** When the caller talks too long, the agent cuts in with `line` (after LiveKit Agents' user turn limits). */
export const userTurnLimitSchema = z
  .object({
    /** Words of one user turn (as transcribed so far) before the agent cuts in. */
    maxWords: z.number().int().optional(),
    /** Milliseconds of continuous user speech before the agent cuts in. */
    maxDurationMs: z.number().int().optional(),
    line: z.string().min(1).max(2000).default('Sorry to cut in. Let me make sure I have that right.'),
  })
  .strict();

/** Text clean-up before TTS: what the caller hears, not what the transcript shows. */
export const speechHygieneSchema = z
  .object({
    /** Removes markdown (emphasis, headings, links, code, list bullets) and emoji before TTS. */
    filterMarkup: z.boolean().default(false),
    /** Words spoken differently from how they are written, e.g. `SQL` -> `sequel`. Whole words, case-insensitive. */
    pronunciations: z.array(z.object({ word: z.string().min(1), say: z.string() }).strict()).default([]),
  })
  .strict();

export type UserTurnLimit = z.infer<typeof userTurnLimitSchema>;
export type SpeechHygiene = z.infer<typeof speechHygieneSchema>;
