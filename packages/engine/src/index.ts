export * from './audio/chunker';
export * from './audio/frame';
export * from './audio/pcm';
export * from './audio/resample';
export * from './audio/wav';
export * from './flow';
export { ProviderError, type ProviderErrorKind } from './providers/errors';
export { createOpenAiLlm, type OpenAiLlmOptions } from './providers/llm/openai';
export * from './providers/llm/scripted';
export { createOpenAiRealtime, type OpenAiRealtimeOptions } from './providers/realtime/openai-realtime';
export { OPENAI_REALTIME_SAMPLE_RATE } from './providers/realtime/openai-realtime-session';
export type * from './providers/realtime/types';
export * from './providers/registry';
export { createDeepgramStt, DeepgramStt, type DeepgramSttOptions } from './providers/stt/deepgram';
export { createOpenAiStt, type OpenAiSttOptions } from './providers/stt/openai';
export {
  createPocketsphinxStt,
  isPocketsphinxAvailable,
  PocketsphinxStt,
  type PocketsphinxSttOptions,
} from './providers/stt/pocketsphinx';
export { CartesiaTts, type CartesiaTtsOptions, createCartesiaTts } from './providers/tts/cartesia';
export {
  createElevenLabsTts,
  type ElevenLabsSampleRate,
  ElevenLabsTts,
  type ElevenLabsTtsOptions,
} from './providers/tts/elevenlabs';
export { createEspeakTts, ESPEAK_SAMPLE_RATE, type EspeakOptions } from './providers/tts/espeak';
export { EspeakPool } from './providers/tts/espeak-pool';
export { type EspeakArgs, type EspeakBackend, setEspeakBackend, warmEspeak } from './providers/tts/espeak-process';
export { createOpenAiTts, OPENAI_TTS_SAMPLE_RATE, type OpenAiTtsOptions } from './providers/tts/openai';
export { builtinEndOfTurnProbability } from './providers/turn/builtin-text';
export { createEndOfTurnDetector } from './providers/turn/detector';
export { TurnModelSetupError } from './providers/turn/model-files';
export { setTurnModelLoader, type TurnModelLoader, type TurnModelRunner } from './providers/turn/model-runner';
export { turnModelPath } from './providers/turn/models-folder';
export { endOfTurnVerdict, TurnThresholds } from './providers/turn/thresholds';
export type * from './providers/turn/types';
export { TurnModelWorker } from './providers/turn/worker';
export type { TurnModelSpec } from './providers/turn/worker-protocol';
export { loadSileroSession } from './providers/vad/silero-model';
export { createSileroVad } from './providers/vad/silero-vad';
export type * from './providers/vad/types';
export { createVadStream } from './providers/vad/vad-stream';
export { type Clock, createRealClock, type TimerHandle } from './session/clock';
export { Endpointing, type EndpointingSettings, type EndpointingValues } from './session/endpointing';
export type * from './session/events';
export type { SessionProviders } from './session/session-providers';
export type { ResolvedAddress, Resolver } from './session/tools/address-guard';
export type * from './session/transport';
export {
  repeatPrompt,
  userAwayPrompt,
  VoiceSession,
  type VoiceSessionOptions,
  type WebhookOptions,
} from './session/voice-session';
export * from './testing';
export type * from './testing/scenario-result';
export { runScenario, runScenarios, type ScenarioRunOptions, scenarioJudge } from './testing/scenario-runner';
export { warmEngine } from './warm-up';
