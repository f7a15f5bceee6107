/**
 * The one list of provider ids Parley knows. Validation, the builder and the session's
 * factory registry all read it, so an id exists in exactly one place.
 */
export const providerCatalog = {
  llm: {
    scripted: { label: 'Scripted (offline, deterministic rules)', offline: true, secret: null },
    openai: { label: 'OpenAI-compatible chat completions', offline: false, secret: 'OPENAI_API_KEY', baseUrl: true },
  },
  stt: {
    none: { label: 'No speech-to-text (typed input only)', offline: true, secret: null },
    pocketsphinx: { label: 'PocketSphinx (offline, phrase list)', offline: true, secret: null },
    deepgram: { label: 'Deepgram streaming', offline: false, secret: 'DEEPGRAM_API_KEY' },
    openai: { label: 'OpenAI-compatible transcription', offline: false, secret: 'OPENAI_API_KEY', baseUrl: true },
  },
  tts: {
    espeak: { label: 'eSpeak NG (offline)', offline: true, secret: null },
    openai: { label: 'OpenAI-compatible speech', offline: false, secret: 'OPENAI_API_KEY', baseUrl: true },
    cartesia: { label: 'Cartesia', offline: false, secret: 'CARTESIA_API_KEY' },
    elevenlabs: { label: 'ElevenLabs', offline: false, secret: 'ELEVENLABS_API_KEY' },
  },
  realtime: {
    'openai-realtime': { label: 'OpenAI Realtime (speech-to-speech)', offline: false, secret: 'OPENAI_API_KEY' },
  },
} as const;

export type ProviderKind = keyof typeof providerCatalog;
export type ProviderId<K extends ProviderKind> = keyof (typeof providerCatalog)[K] & string;

/** True when `id` names a provider of `kind` in the catalog. */
export function isKnownProvider(kind: ProviderKind, id: string): boolean {
  return Object.hasOwn(providerCatalog[kind], id);
}

/** True when provider `id` of `kind` may be pointed at a self-hosted server (a `baseUrl`). */
export function acceptsBaseUrl(kind: ProviderKind, id: string): boolean {
  const entry = isKnownProvider(kind, id) ? (providerCatalog[kind] as Record<string, object>)[id] : undefined;
  return entry !== undefined && 'baseUrl' in entry;
}

/** Provider ids of one kind, in catalog order. */
export function providerIds(kind: ProviderKind): string[] {
  return Object.keys(providerCatalog[kind]);
}
