import { z } from 'zod';
import { type SettingMeta, setting, settingGroup } from './meta';
import { overridesOf } from './overrides';

/**
 * Turn-handling settings, named after LiveKit Agents' TurnHandlingOptions; times in ms.
 * This schema is the one definition of every setting: its type, default, range, unit, label and
 * help. The stored overrides schema, `TurnHandling`, `turnHandlingDefaults`, validate()'s range
 * checks, the JSON Schema and the builder's settings forms are all derived from it.
 * Key order is the forms' order.
 */
export const turnDetectionModes = ['vad', 'stt', 'realtime_llm', 'model', 'manual'] as const;
export const endpointingModes = ['fixed', 'dynamic'] as const;
export const turnModelKinds = ['builtin', 'text', 'audio'] as const;

/** What a turn model name may be: one entry of the runtime's models folder, never a path. */
export const turnModelNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

type Described = Omit<SettingMeta, 'unit'> & { unit?: string };

const ms = (meta: Described, fallback: number) =>
  setting(z.number(), { unit: 'ms', min: 0, step: 50, ...meta }, fallback);
const probability = (meta: Described, fallback: number) =>
  setting(z.number(), { unit: 'probability', min: 0, max: 1, step: 0.05, ...meta }, fallback);
const onOff = (meta: Described, fallback: boolean) => setting(z.boolean(), { unit: '', ...meta }, fallback);
const choice = <const T extends readonly [string, ...string[]]>(options: T, meta: Described, fallback: T[number]) =>
  setting(z.enum(options), { unit: '', ...meta }, fallback);

/** Every turn-handling setting with its default: what a session runs with when nothing is set. */
export const turnHandlingSettingsSchema = z.strictObject({
  turnDetection: choice(
    turnDetectionModes,
    {
      label: 'Turn detection',
      group: 'Turn detection',
      help: 'What decides the caller has finished: silence (vad), the recognizer, a realtime model, an end-of-turn model, or your code.',
    },
    'vad',
  ),
  endpointing: settingGroup(
    z.strictObject({
      mode: choice(
        endpointingModes,
        {
          label: 'Endpointing',
          help: 'Fixed waits the same delay every turn; dynamic learns the caller’s pauses between min and max delay.',
        },
        'fixed',
      ),
      minDelay: ms(
        { label: 'Min delay', help: 'Shortest silence after speech before the turn counts as finished.' },
        500,
      ),
      maxDelay: ms({ label: 'Max delay', help: 'Longest wait when the turn seems unfinished.' }, 3000),
      alpha: probability(
        {
          label: 'Smoothing (alpha)',
          unit: '0–1',
          help: 'Dynamic mode: weight of past pauses in the moving averages (higher adapts more slowly).',
        },
        0.9,
      ),
      keepMaxDelayFixed: onOff(
        { label: 'Keep max delay fixed', help: 'Dynamic mode: adapt only the min delay.' },
        false,
      ),
    }),
    'Endpointing',
  ),
  interruption: settingGroup(
    z.strictObject({
      enabled: onOff(
        { label: 'Allow interruptions', help: 'Whether the caller can talk over the agent to stop it.' },
        true,
      ),
      minDuration: ms({ label: 'Min duration', help: 'Caller speech shorter than this does not interrupt.' }, 500),
      minWords: setting(
        z.number().int(),
        {
          label: 'Min words',
          unit: 'words',
          min: 0,
          step: 1,
          help: 'Recognized words needed before the agent stops (0: speech alone is enough).',
        },
        0,
      ),
      falseInterruptionTimeout: ms(
        {
          label: 'False interruption timeout',
          help: 'If the caller says nothing this long after interrupting, it was a false interruption.',
        },
        2000,
      ),
      resumeFalseInterruption: onOff(
        {
          label: 'Resume after false interruption',
          help: 'Continue the interrupted reply when the interruption turns out to be false.',
        },
        true,
      ),
      discardAudioIfUninterruptible: onOff(
        {
          label: 'Discard audio while uninterruptible',
          help: 'Drop what the caller says while the agent speaks an uninterruptible line.',
        },
        true,
      ),
    }),
    'Interruption',
  ),
  vad: settingGroup(
    z.strictObject({
      activationThreshold: probability(
        { label: 'Activation threshold', help: 'Speech probability at which the caller counts as speaking.' },
        0.5,
      ),
      deactivationThreshold: probability(
        {
          label: 'Deactivation threshold',
          help: 'Speech probability below which speech counts as stopped (keep below activation).',
        },
        0.35,
      ),
      minSpeechDuration: ms({ label: 'Min speech', help: 'Speech shorter than this is ignored as noise.' }, 50),
      minSilenceDuration: ms({ label: 'Min silence', help: 'Silence needed before speech counts as ended.' }, 550),
      prefixPadding: ms(
        { label: 'Prefix padding', help: 'Audio kept from before speech started, so first syllables are not cut.' },
        500,
      ),
    }),
    'Voice activity (VAD)',
  ),
  preemptiveGeneration: settingGroup(
    z.strictObject({
      enabled: onOff(
        {
          label: 'Preemptive generation',
          help: 'Start the reply before the turn is confirmed finished; faster, sometimes wasted.',
        },
        false,
      ),
    }),
    'Generation',
  ),
  maxToolSteps: setting(
    z.number().int(),
    {
      label: 'Max tool steps',
      group: 'Generation',
      unit: 'steps',
      min: 1,
      max: 20,
      step: 1,
      help: 'Most tool calls in a row the LLM may make for one reply (1–20).',
    },
    3,
  ),
  userAwayTimeout: ms(
    {
      label: 'User away timeout',
      group: 'Generation',
      step: 1000,
      help: 'Silence from the caller after which they count as away.',
    },
    15000,
  ),
  turnModel: settingGroup(
    z.strictObject({
      kind: choice(
        turnModelKinds,
        { label: 'End-of-turn model', help: 'Which model judges end of turn when turn detection is "model".' },
        'builtin',
      ),
      model: setting(
        z.string().max(100),
        {
          label: 'Model name',
          unit: '',
          help: "Name of a model installed in the runtime's models folder (PARLEY_MODELS_DIR); empty: the built-in model.",
        },
        '',
      ),
      thresholds: setting(
        z.record(z.string(), z.number()),
        {
          label: 'End-of-turn thresholds',
          unit: 'probability',
          min: 0,
          max: 1,
          step: 0.05,
          help: 'End-of-turn probability at or above which a turn counts as finished, per language code.',
          keys: {
            en: {
              label: 'English threshold',
              help: 'End-of-turn probability at or above which an English turn counts as finished.',
            },
          },
        },
        { en: 0.5 },
      ),
      timeout: ms(
        { label: 'Model timeout', help: 'Longest wait for the model; after it, endpointing delays decide alone.' },
        300,
      ),
    }),
    'Turn model',
  ),
});

/**
 * Turn-handling settings as a spec stores them: only what the user changed (every leaf
 * optional, no defaults). compile() fills the rest, session settings first, then agent overrides.
 * Ranges are not enforced here, so a draft with an out-of-range number can still be saved;
 * validate() reports it.
 */
export const turnHandlingSchema = overridesOf(turnHandlingSettingsSchema);

export type TurnHandlingOverrides = z.infer<typeof turnHandlingSchema>;

/** Every turn-handling setting resolved: what a session actually runs with. */
export type TurnHandling = z.output<typeof turnHandlingSettingsSchema>;
