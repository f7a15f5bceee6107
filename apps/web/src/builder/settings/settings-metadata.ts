import { endpointingModes, turnDetectionModes, turnHandlingDefaults, turnModelKinds } from '@parley/engine/flow';
import { getPath } from '../state/paths';

/** How a setting is edited. */
export type SettingInput =
  | { type: 'number'; step?: number; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'choice'; options: readonly string[] }
  | { type: 'text' };

/** One turn-handling setting as the forms show it. */
export interface SettingMeta {
  /** Path inside TurnHandling, e.g. `endpointing.minDelay`. */
  path: string;
  label: string;
  group: string;
  input: SettingInput;
  unit: string;
  help: string;
}

const ms = { type: 'number', step: 50, min: 0 } as const;
const probability = { type: 'number', step: 0.05, min: 0, max: 1 } as const;
const onOff = { type: 'boolean' } as const;

/**
 * Every turn-handling setting, once. The session form and the agent override form both render
 * from this table; defaults are read from the engine's `turnHandlingDefaults`, never repeated here.
 */
export const settingsMetadata: readonly SettingMeta[] = [
  {
    path: 'turnDetection',
    label: 'Turn detection',
    group: 'Turn detection',
    input: { type: 'choice', options: turnDetectionModes },
    unit: '',
    help: 'What decides the caller has finished: silence (vad), the recognizer, a realtime model, an end-of-turn model, or your code.',
  },
  {
    path: 'endpointing.mode',
    label: 'Endpointing',
    group: 'Endpointing',
    input: { type: 'choice', options: endpointingModes },
    unit: '',
    help: 'Fixed waits the same delay every turn; dynamic learns the caller’s pauses between min and max delay.',
  },
  {
    path: 'endpointing.minDelay',
    label: 'Min delay',
    group: 'Endpointing',
    input: ms,
    unit: 'ms',
    help: 'Shortest silence after speech before the turn counts as finished.',
  },
  {
    path: 'endpointing.maxDelay',
    label: 'Max delay',
    group: 'Endpointing',
    input: ms,
    unit: 'ms',
    help: 'Longest wait when the turn seems unfinished.',
  },
  {
    path: 'endpointing.alpha',
    label: 'Smoothing (alpha)',
    group: 'Endpointing',
    input: probability,
    unit: '0–1',
    help: 'Dynamic mode: weight of past pauses in the moving averages (higher adapts more slowly).',
  },
  {
    path: 'endpointing.keepMaxDelayFixed',
    label: 'Keep max delay fixed',
    group: 'Endpointing',
    input: onOff,
    unit: '',
    help: 'Dynamic mode: adapt only the min delay.',
  },
  {
    path: 'interruption.enabled',
    label: 'Allow interruptions',
    group: 'Interruption',
    input: onOff,
    unit: '',
    help: 'Whether the caller can talk over the agent to stop it.',
  },
  {
    path: 'interruption.minDuration',
    label: 'Min duration',
    group: 'Interruption',
    input: ms,
    unit: 'ms',
    help: 'Caller speech shorter than this does not interrupt.',
  },
  {
    path: 'interruption.minWords',
    label: 'Min words',
    group: 'Interruption',
    input: { type: 'number', step: 1, min: 0 },
    unit: 'words',
    help: 'Recognized words needed before the agent stops (0: speech alone is enough).',
  },
  {
    path: 'interruption.falseInterruptionTimeout',
    label: 'False interruption timeout',
    group: 'Interruption',
    input: ms,
    unit: 'ms',
    help: 'If the caller says nothing this long after interrupting, it was a false interruption.',
  },
  {
    path: 'interruption.resumeFalseInterruption',
    label: 'Resume after false interruption',
    group: 'Interruption',
    input: onOff,
    unit: '',
    help: 'Continue the interrupted reply when the interruption turns out to be false.',
  },
  {
    path: 'interruption.discardAudioIfUninterruptible',
    label: 'Discard audio while uninterruptible',
    group: 'Interruption',
    input: onOff,
    unit: '',
    help: 'Drop what the caller says while the agent speaks an uninterruptible line.',
  },
  {
    path: 'vad.activationThreshold',
    label: 'Activation threshold',
    group: 'Voice activity (VAD)',
    input: probability,
    unit: 'probability',
    help: 'Speech probability at which the caller counts as speaking.',
  },
  {
    path: 'vad.deactivationThreshold',
    label: 'Deactivation threshold',
    group: 'Voice activity (VAD)',
    input: probability,
    unit: 'probability',
    help: 'Speech probability below which speech counts as stopped (keep below activation).',
  },
  {
    path: 'vad.minSpeechDuration',
    label: 'Min speech',
    group: 'Voice activity (VAD)',
    input: ms,
    unit: 'ms',
    help: 'Speech shorter than this is ignored as noise.',
  },
  {
    path: 'vad.minSilenceDuration',
    label: 'Min silence',
    group: 'Voice activity (VAD)',
    input: ms,
    unit: 'ms',
    help: 'Silence needed before speech counts as ended.',
  },
  {
    path: 'vad.prefixPadding',
    label: 'Prefix padding',
    group: 'Voice activity (VAD)',
    input: ms,
    unit: 'ms',
    help: 'Audio kept from before speech started, so first syllables are not cut.',
  },
  {
    path: 'preemptiveGeneration.enabled',
    label: 'Preemptive generation',
    group: 'Generation',
    input: onOff,
    unit: '',
    help: 'Start the reply before the turn is confirmed finished; faster, sometimes wasted.',
  },
  {
    path: 'maxToolSteps',
    label: 'Max tool steps',
    group: 'Generation',
    input: { type: 'number', step: 1, min: 1, max: 20 },
    unit: 'steps',
    help: 'Most tool calls in a row the LLM may make for one reply (1–20).',
  },
  {
    path: 'userAwayTimeout',
    label: 'User away timeout',
    group: 'Generation',
    input: { type: 'number', step: 1000, min: 0 },
    unit: 'ms',
    help: 'Silence from the caller after which they count as away.',
  },
  {
    path: 'turnModel.kind',
    label: 'End-of-turn model',
    group: 'Turn model',
    input: { type: 'choice', options: turnModelKinds },
    unit: '',
    help: 'Which model judges end of turn when turn detection is "model".',
  },
  {
    path: 'turnModel.model',
    label: 'Model name',
    group: 'Turn model',
    input: { type: 'text' },
    unit: '',
    help: "Name of a model installed in the runtime's models folder (PARLEY_MODELS_DIR); empty: the built-in model.",
  },
  {
    path: 'turnModel.thresholds.en',
    label: 'English threshold',
    group: 'Turn model',
    input: probability,
    unit: 'probability',
    help: 'End-of-turn probability at or above which an English turn counts as finished.',
  },
  {
    path: 'turnModel.timeout',
    label: 'Model timeout',
    group: 'Turn model',
    input: ms,
    unit: 'ms',
    help: 'Longest wait for the model; after it, endpointing delays decide alone.',
  },
];

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

/** The group names, in table order. */
export const settingGroups: readonly string[] = [...new Set(settingsMetadata.map((m) => m.group))];
