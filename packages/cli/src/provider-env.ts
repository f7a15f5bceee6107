import { providerCatalog } from '@parley/engine/flow';

/** The provider keys the environment holds (OPENAI_API_KEY, DEEPGRAM_API_KEY, ...), as a call gets them. */
export function providerKeysFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const kind of Object.values(providerCatalog)) {
    for (const entry of Object.values(kind as Record<string, { secret: string | null }>)) {
      const value = entry.secret ? env[entry.secret] : undefined;
      if (entry.secret && value) keys[entry.secret] = value;
    }
  }
  return keys;
}

/** Provider locations from the environment: OPENAI_BASE_URL points OpenAI calls elsewhere (a proxy, a test double). */
export function baseUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return env.OPENAI_BASE_URL ? { openai: env.OPENAI_BASE_URL } : {};
}
