import type { AgentPlan } from '../flow/plan';
import type { Llm } from '../providers/llm/types';
import type { RealtimeModel } from '../providers/realtime/types';
import { createLlm, createRealtime, createStt, createTts, type ProviderContext } from '../providers/registry';
import type { Stt } from '../providers/stt/types';
import type { Tts } from '../providers/tts/types';
import { createEndOfTurnDetector } from '../providers/turn/detector';
import type { EndOfTurnDetector } from '../providers/turn/types';
import { createSileroVad } from '../providers/vad/silero-vad';
import type { Vad } from '../providers/vad/types';

/** How a session gets its providers: per agent for LLM/TTS, once per call for VAD/STT/turn model. */
export interface SessionProviders {
  llm(agent: AgentPlan): Llm;
  tts(agent: AgentPlan): Tts;
  stt(agent: AgentPlan): Stt | null;
  vad(agent: AgentPlan): Vad | null;
  turnDetector(agent: AgentPlan): Promise<EndOfTurnDetector | null>;
  /** The speech-to-speech model, only for agents whose turns are `realtime_llm`. */
  realtime(agent: AgentPlan): RealtimeModel | null;
}

/** The providers each agent's plan names, built through the registry. */
export function registryProviders(context: Omit<ProviderContext, 'agent'>): SessionProviders {
  return {
    llm: (agent) => createLlm(agent.providers.llm, { ...context, agent }),
    tts: (agent) => createTts(agent.providers.tts, { ...context, agent }),
    stt: (agent) => createStt(agent.providers.stt, { ...context, agent }),
    vad: (agent) => createSileroVad(agent.settings.vad),
    turnDetector: async (agent) =>
      agent.settings.turnDetection === 'model'
        ? createEndOfTurnDetector(agent.settings.turnModel, context.turnModelsDir)
        : null,
    realtime: (agent) =>
      agent.settings.turnDetection === 'realtime_llm' && agent.providers.realtime
        ? createRealtime(agent.providers.realtime, { ...context, agent })
        : null,
  };
}
