import { type TurnHandling, turnHandlingSettingsSchema } from './settings';

/** Defaults of every turn-handling setting, read from the settings schema (settings/schema.ts). */
export const turnHandlingDefaults: TurnHandling = turnHandlingSettingsSchema.parse({});

/** Default provider choices: all offline, so a first run needs no API key. */
export const providerDefaults = {
  llm: { provider: 'scripted' },
  stt: { provider: 'none' },
  tts: { provider: 'espeak', voice: 'en-us' },
} as const;
