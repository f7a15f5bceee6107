import { z } from 'zod';

/**
 * Turn-handling settings, named after LiveKit Agents' TurnHandlingOptions; times in ms.
 * Specs store only what the user changed (every leaf optional); compile() fills the rest
 * from `turnHandlingDefaults`, session settings first, then agent overrides.
 */
export const turnDetectionModes = ['vad', 'stt', 'realtime_llm', 'model', 'manual'] as const;
export const endpointingModes = ['fixed', 'dynamic'] as const;
export const turnModelKinds = ['builtin', 'text', 'audio'] as const;

const ms = z.number().describe('milliseconds');
const probability = z.number().describe('0..1');

export const endpointingSchema = z
  .object({
    mode: z.enum(endpointingModes).optional(),
    minDelay: ms.optional(),
    maxDelay: ms.optional(),
    alpha: z.number().optional(),
    keepMaxDelayFixed: z.boolean().optional(),
  })
  .strict();

export const interruptionSchema = z
  .object({
    enabled: z.boolean().optional(),
    minDuration: ms.optional(),
    minWords: z.number().int().optional(),
    falseInterruptionTimeout: ms.optional(),
    resumeFalseInterruption: z.boolean().optional(),
    discardAudioIfUninterruptible: z.boolean().optional(),
  })
  .strict();

export const vadSettingsSchema = z
  .object({
    activationThreshold: probability.optional(),
    deactivationThreshold: probability.optional(),
    minSpeechDuration: ms.optional(),
    minSilenceDuration: ms.optional(),
    prefixPadding: ms.optional(),
  })
  .strict();

/** What a turn model name may be: one entry of the runtime's models folder, never a path. */
export const turnModelNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export const turnModelSchema = z
  .object({
    kind: z.enum(turnModelKinds).optional(),
    /** Name of a model in the runtime's models folder (PARLEY_MODELS_DIR), never a path. */
    model: z.string().max(100).optional(),
    /** Probability at or above which the turn counts as finished, per language code. */
    thresholds: z.record(z.string(), probability).optional(),
    timeout: ms.optional(),
  })
  .strict();

export const turnHandlingSchema = z
  .object({
    turnDetection: z.enum(turnDetectionModes).optional(),
    endpointing: endpointingSchema.optional(),
    interruption: interruptionSchema.optional(),
    preemptiveGeneration: z.object({ enabled: z.boolean().optional() }).strict().optional(),
    userAwayTimeout: ms.optional(),
    maxToolSteps: z.number().int().optional(),
    vad: vadSettingsSchema.optional(),
    turnModel: turnModelSchema.optional(),
  })
  .strict();

export type TurnHandlingOverrides = z.infer<typeof turnHandlingSchema>;

/** Every turn-handling setting resolved: what a session actually runs with. */
export interface TurnHandling {
  turnDetection: (typeof turnDetectionModes)[number];
  endpointing: {
    mode: (typeof endpointingModes)[number];
    minDelay: number;
    maxDelay: number;
    alpha: number;
    keepMaxDelayFixed: boolean;
  };
  interruption: {
    enabled: boolean;
    minDuration: number;
    minWords: number;
    falseInterruptionTimeout: number;
    resumeFalseInterruption: boolean;
    discardAudioIfUninterruptible: boolean;
  };
  preemptiveGeneration: { enabled: boolean };
  userAwayTimeout: number;
  maxToolSteps: number;
  vad: {
    activationThreshold: number;
    deactivationThreshold: number;
    minSpeechDuration: number;
    minSilenceDuration: number;
    prefixPadding: number;
  };
  turnModel: {
    kind: (typeof turnModelKinds)[number];
    model: string;
    thresholds: Record<string, number>;
    timeout: number;
  };
}
