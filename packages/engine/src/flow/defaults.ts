import type { TurnHandling } from './settings';

/** Defaults of every turn-handling setting (ARCHITECTURE.md's settings table). */
export const turnHandlingDefaults: TurnHandling = {
  turnDetection: 'vad',
  endpointing: { mode: 'fixed', minDelay: 500, maxDelay: 3000, alpha: 0.9, keepMaxDelayFixed: false },
  interruption: {
    enabled: true,
    minDuration: 500,
    minWords: 0,
    falseInterruptionTimeout: 2000,
    resumeFalseInterruption: true,
    discardAudioIfUninterruptible: true,
  },
  preemptiveGeneration: { enabled: false },
  userAwayTimeout: 15000,
  maxToolSteps: 3,
  vad: {
    activationThreshold: 0.5,
    deactivationThreshold: 0.35,
    minSpeechDuration: 50,
    minSilenceDuration: 550,
    prefixPadding: 500,
  },
  turnModel: { kind: 'builtin', model: '', thresholds: { en: 0.5 }, timeout: 300 },
};

/** Default provider choices: all offline, so a first run needs no API key. */
export const providerDefaults = {
  llm: { provider: 'scripted' },
  stt: { provider: 'none' },
  tts: { provider: 'espeak', voice: 'en-us' },
} as const;
