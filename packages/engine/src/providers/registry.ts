import type { AgentPlan } from '../flow/plan';
import type { ResolvedProviders } from '../flow/resolve';
import { type ProviderId, type ProviderKind, providerCatalog } from './catalog';
import { createOpenAiLlm } from './llm/openai';
import { createScriptedLlm } from './llm/scripted';
import type { Llm } from './llm/types';
import { createOpenAiRealtime } from './realtime/openai-realtime';
import type { RealtimeModel } from './realtime/types';
import { DeepgramStt } from './stt/deepgram';
import { createOpenAiStt } from './stt/openai';
import { createPocketsphinxStt, isPocketsphinxAvailable } from './stt/pocketsphinx';
import type { Stt } from './stt/types';
import { createCartesiaTts } from './tts/cartesia';
import { createElevenLabsTts } from './tts/elevenlabs';
import { createEspeakTts } from './tts/espeak';
import { createOpenAiTts } from './tts/openai';
import type { Tts } from './tts/types';

/** What every factory gets besides the provider choice. */
export interface ProviderContext {
  agent: AgentPlan;
  /** API keys and webhook secrets by name (e.g. OPENAI_API_KEY). */
  secrets: Readonly<Record<string, string>>;
  /** Where each provider id's API lives, e.g. { openai: 'http://127.0.0.1:4010/v1' } in tests. */
  baseUrls?: Readonly<Record<string, string>>;
  /** The call's variables, for the scripted LLM's `{{name}}`. */
  variables?: () => Readonly<Record<string, unknown>>;
}

/** A provider choice names an id the registry does not have, or a key it needs is missing. */
export class ProviderSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderSetupError';
  }
}

type Choice<K extends ProviderKind> = NonNullable<ResolvedProviders[K]>;
type Factory<K extends ProviderKind, T> = (choice: Choice<K>, context: ProviderContext, apiKey: string) => T;

const llmFactories: Record<ProviderId<'llm'>, Factory<'llm', Llm>> = {
  scripted: (_, context) => createScriptedLlm({ agent: context.agent, ...pick(context, 'variables') }),
  openai: (choice, context, apiKey) =>
    createOpenAiLlm({
      apiKey,
      model: choice.model ?? 'gpt-4o-mini',
      ...baseUrl(choice.baseUrl ?? context.baseUrls?.openai),
      ...(choice.temperature === undefined ? {} : { temperature: choice.temperature }),
    }),
};

const sttFactories: Record<ProviderId<'stt'>, Factory<'stt', Stt | null>> = {
  none: () => null,
  pocketsphinx: (choice) => {
    if (!isPocketsphinxAvailable()) {
      throw new ProviderSetupError(
        "pocketsphinx is not installed: the flow's STT is pocketsphinx (apt-get install pocketsphinx pocketsphinx-en-us)",
      );
    }
    if (!choice.phrases?.length) throw new ProviderSetupError('pocketsphinx needs the STT choice to list phrases');
    return createPocketsphinxStt({ phrases: choice.phrases });
  },
  deepgram: (choice, context, apiKey) =>
    new DeepgramStt({
      apiKey,
      ...(choice.model ? { model: choice.model } : {}),
      ...baseUrl(context.baseUrls?.deepgram),
    }),
  openai: (choice, context, apiKey) =>
    createOpenAiStt({ apiKey, model: choice.model ?? 'gpt-4o-mini-transcribe', ...baseUrl(context.baseUrls?.openai) }),
};

const ttsFactories: Record<ProviderId<'tts'>, Factory<'tts', Tts>> = {
  espeak: (choice) => createEspeakTts(choice.voice ? { voice: choice.voice } : {}),
  openai: (choice, context, apiKey) =>
    createOpenAiTts({
      apiKey,
      model: choice.model ?? 'gpt-4o-mini-tts',
      voice: choice.voice ?? 'alloy',
      ...baseUrl(context.baseUrls?.openai),
    }),
  cartesia: (choice, context, apiKey) =>
    createCartesiaTts({
      apiKey,
      voiceId: choice.voice ?? '',
      ...(choice.model ? { model: choice.model } : {}),
      ...baseUrl(context.baseUrls?.cartesia),
    }),
  elevenlabs: (choice, context, apiKey) =>
    createElevenLabsTts({
      apiKey,
      voiceId: choice.voice ?? '',
      ...(choice.model ? { model: choice.model } : {}),
      ...baseUrl(context.baseUrls?.elevenlabs),
    }),
};

const realtimeFactories: Record<ProviderId<'realtime'>, Factory<'realtime', RealtimeModel>> = {
  'openai-realtime': (choice, context, apiKey) =>
    createOpenAiRealtime({ apiKey, model: choice.model ?? 'gpt-realtime', ...baseUrl(context.baseUrls?.openai) }),
};

/** The agent's LLM from its provider choice. */
export function createLlm(choice: Choice<'llm'>, context: ProviderContext): Llm {
  return build('llm', llmFactories, choice, context);
}

/** The session's speech-to-text, or null for `none` (typed input only). */
export function createStt(choice: Choice<'stt'>, context: ProviderContext): Stt | null {
  return build('stt', sttFactories, choice, context);
}

/** The agent's text-to-speech. */
export function createTts(choice: Choice<'tts'>, context: ProviderContext): Tts {
  return build('tts', ttsFactories, choice, context);
}

/** The speech-to-speech model for `realtime_llm` flows. */
export function createRealtime(choice: Choice<'realtime'>, context: ProviderContext): RealtimeModel {
  return build('realtime', realtimeFactories, choice, context);
}

function build<K extends ProviderKind, T>(
  kind: K,
  factories: Record<string, Factory<K, T>>,
  choice: Choice<K>,
  context: ProviderContext,
): T {
  const factory = Object.hasOwn(factories, choice.provider) ? factories[choice.provider] : undefined;
  if (!factory) throw new ProviderSetupError(`Unknown ${kind.toUpperCase()} provider "${choice.provider}"`);
  const entry = (providerCatalog[kind] as Record<string, { secret: string | null }>)[choice.provider];
  const secretName = entry?.secret ?? null;
  const apiKey = secretName ? context.secrets[secretName] : '';
  if (secretName && !apiKey) {
    throw new ProviderSetupError(`${secretName} is not set: the flow's ${kind.toUpperCase()} is ${choice.provider}`);
  }
  return factory(choice, context, apiKey ?? '');
}

function baseUrl(url: string | undefined): { baseUrl?: string } {
  return url ? { baseUrl: url } : {};
}

function pick<T extends object, K extends keyof T>(value: T, key: K): Partial<Pick<T, K>> {
  return value[key] === undefined ? {} : ({ [key]: value[key] } as Pick<T, K>);
}
