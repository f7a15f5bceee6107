import { providerDefaults, turnHandlingDefaults } from './defaults';
import type { AgentSpec, FlowSpec, LlmChoice, RealtimeChoice, SttChoice, TtsChoice } from './schema';
import type { TurnHandling, TurnHandlingOverrides } from './settings';

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep-merges plain objects; `undefined` in a later layer never erases an earlier value. */
function merge<T>(base: T, ...layers: readonly unknown[]): T {
  let out: unknown = base;
  for (const layer of layers) {
    if (!isPlain(layer) || !isPlain(out)) continue;
    const next: Plain = { ...out };
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      next[key] = isPlain(value) && isPlain(next[key]) ? merge(next[key], value) : value;
    }
    out = next;
  }
  return out as T;
}

/** Settings an agent runs with: defaults <- session settings <- agent overrides. */
export function resolveTurnHandling(
  session: TurnHandlingOverrides | undefined,
  agent?: TurnHandlingOverrides,
): TurnHandling {
  const resolved = merge(turnHandlingDefaults, session, agent);
  // A configured model makes `model` the natural default mode (ARCHITECTURE.md).
  const explicitMode = agent?.turnDetection ?? session?.turnDetection;
  if (!explicitMode && resolved.turnModel.model) resolved.turnDetection = 'model';
  return resolved;
}

/** The provider choices an agent runs with (shapes from the FlowSpec schema). */
export interface ResolvedProviders {
  llm: LlmChoice;
  stt: SttChoice;
  tts: TtsChoice;
  realtime?: RealtimeChoice;
}

/** Providers an agent uses: defaults <- session choices <- agent overrides (each choice whole). */
export function resolveProviders(spec: FlowSpec, agent: AgentSpec): ResolvedProviders {
  const session = spec.settings.providers;
  const resolved: ResolvedProviders = {
    llm: agent.llm ?? session.llm ?? { ...providerDefaults.llm },
    stt: agent.stt ?? session.stt ?? { ...providerDefaults.stt },
    tts: agent.tts ?? session.tts ?? { ...providerDefaults.tts },
  };
  if (session.realtime) resolved.realtime = session.realtime;
  return resolved;
}
