import type { AgentPlan } from '../flow/plan';
import type { ResolvedProviders } from '../flow/resolve';
import { WebhookAllowList } from '../session/tools/allow-list';
import { guardedFetch } from '../session/tools/guarded-fetch';
import type { RequestGuard } from '../session/tools/guarded-request';
import { acceptsBaseUrl, type ProviderId, type ProviderKind, providerCatalog } from './catalog';
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
  /** The workspace's own secrets by name: the only keys a custom base URL may get. */
  secrets: Readonly<Record<string, string>>;
  /**
   * The operator's provider keys (OPENAI_API_KEY...), sent only to the built-in endpoints below;
   * the runtime passes them only to workspaces the operator allows.
   */
  providerKeys?: Readonly<Record<string, string>>;
  /** Where each provider id's built-in API lives, e.g. { openai: 'http://127.0.0.1:4010/v1' } in tests. */
  baseUrls?: Readonly<Record<string, string>>;
  /** Where a flow's custom base URL may connect: the webhook address guard and allow-list. */
  customEndpoints?: RequestGuard;
  /** The operator's turn models folder (PARLEY_MODELS_DIR): flows pick a model in it by name. */
  turnModelsDir?: string;
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

/** The key a client sends and, for a custom base URL, where and how it connects. */
interface Endpoint {
  apiKey: string;
  baseUrl?: string;
  fetch?: typeof fetch;
}
type Factory<K extends ProviderKind, T> = (choice: Choice<K>, context: ProviderContext, endpoint: Endpoint) => T;

/** An OpenAI-compatible endpoint: the flow's own server, else the built-in (or test) one. */
function openAi(endpoint: Endpoint, context: ProviderContext): Endpoint {
  return endpoint.baseUrl ? endpoint : { apiKey: endpoint.apiKey, ...baseUrl(context.baseUrls?.openai) };
}

const llmFactories: Record<ProviderId<'llm'>, Factory<'llm', Llm>> = {
  scripted: (_, context) => createScriptedLlm({ agent: context.agent, ...pick(context, 'variables') }),
  openai: (choice, context, endpoint) =>
    createOpenAiLlm({
      ...openAi(endpoint, context),
      model: choice.model ?? 'gpt-4o-mini',
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
  deepgram: (choice, context, { apiKey }) =>
    new DeepgramStt({
      apiKey,
      ...(choice.model ? { model: choice.model } : {}),
      ...baseUrl(context.baseUrls?.deepgram),
    }),
  openai: (choice, context, endpoint) =>
    createOpenAiStt({ ...openAi(endpoint, context), model: choice.model ?? 'gpt-4o-mini-transcribe' }),
};

const ttsFactories: Record<ProviderId<'tts'>, Factory<'tts', Tts>> = {
  espeak: (choice) => createEspeakTts(choice.voice ? { voice: choice.voice } : {}),
  openai: (choice, context, endpoint) =>
    createOpenAiTts({
      ...openAi(endpoint, context),
      model: choice.model ?? 'gpt-4o-mini-tts',
      voice: choice.voice ?? 'alloy',
    }),
  cartesia: (choice, context, { apiKey }) =>
    createCartesiaTts({
      apiKey,
      voiceId: choice.voice ?? '',
      ...(choice.model ? { model: choice.model } : {}),
      ...baseUrl(context.baseUrls?.cartesia),
    }),
  elevenlabs: (choice, context, { apiKey }) =>
    createElevenLabsTts({
      apiKey,
      voiceId: choice.voice ?? '',
      ...(choice.model ? { model: choice.model } : {}),
      ...baseUrl(context.baseUrls?.elevenlabs),
    }),
};

const realtimeFactories: Record<ProviderId<'realtime'>, Factory<'realtime', RealtimeModel>> = {
  'openai-realtime': (choice, context, { apiKey }) =>
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
  const what = kind.toUpperCase();
  if (!factory) throw new ProviderSetupError(`Unknown ${what} provider "${choice.provider}"`);
  const custom = choice as { baseUrl?: string; apiKeySecret?: string };
  const workspaceKey = (name: string) => {
    const value = context.secrets[name];
    if (value === undefined) {
      throw new ProviderSetupError(
        `secret ${name} is not set in this workspace: the flow's ${what} needs it (Settings -> Secrets)`,
      );
    }
    return value;
  };
  if (custom.baseUrl !== undefined) {
    if (!acceptsBaseUrl(kind, choice.provider)) {
      throw new ProviderSetupError(`the ${what} provider ${choice.provider} does not take a baseUrl`);
    }
    // The flow author chose this server: it gets only a workspace secret named for it, never an
    // operator key, and it is reached through the webhook address guard.
    return factory(choice, context, {
      apiKey: custom.apiKeySecret ? workspaceKey(custom.apiKeySecret) : 'none',
      baseUrl: custom.baseUrl,
      fetch: guardedFetch(context.customEndpoints ?? { allowList: new WebhookAllowList() }, `the ${what} baseUrl`),
    });
  }
  if (custom.apiKeySecret) return factory(choice, context, { apiKey: workspaceKey(custom.apiKeySecret) });
  const entry = (providerCatalog[kind] as Record<string, { secret: string | null }>)[choice.provider];
  const secretName = entry?.secret ?? null;
  if (!secretName) return factory(choice, context, { apiKey: '' });
  const apiKey = context.secrets[secretName] ?? context.providerKeys?.[secretName];
  if (!apiKey) {
    throw new ProviderSetupError(
      `${secretName} is not set: the flow's ${what} is ${choice.provider}. Add ${secretName} as a workspace ` +
        `secret (Settings), or ask the operator to allow this workspace the server's keys (PARLEY_ENV_KEYS_WORKSPACES)`,
    );
  }
  return factory(choice, context, { apiKey });
}

function baseUrl(url: string | undefined): { baseUrl?: string } {
  return url ? { baseUrl: url } : {};
}

function pick<T extends object, K extends keyof T>(value: T, key: K): Partial<Pick<T, K>> {
  return value[key] === undefined ? {} : ({ [key]: value[key] } as Pick<T, K>);
}
