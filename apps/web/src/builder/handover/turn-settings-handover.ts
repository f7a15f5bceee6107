import type { FlowSpec } from '@parley/engine/flow';

/** Turn settings a call's replay hands to the builder, to write into the draft as one undo step. */
export interface TurnSettingsHandover {
  flowId: string;
  /** `null` writes the session settings; an agent id writes that agent's overrides. */
  agentId: string | null;
  overrides: Record<string, unknown>;
}

const key = (flowId: string) => `parley.turn-settings-handover.${flowId}`;

/** Leaves the settings for the builder of `handover.flowId` (sessionStorage: this tab only). */
export function leaveTurnSettings(handover: TurnSettingsHandover): void {
  sessionStorage.setItem(key(handover.flowId), JSON.stringify(handover));
}

/** Takes (and removes) the settings left for this flow's builder, if any. */
export function takeTurnSettings(flowId: string): TurnSettingsHandover | null {
  const raw = sessionStorage.getItem(key(flowId));
  if (raw === null) return null;
  sessionStorage.removeItem(key(flowId));
  try {
    const parsed = JSON.parse(raw) as TurnSettingsHandover;
    return parsed.flowId === flowId && parsed.overrides && typeof parsed.overrides === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

/** Deep-merges overrides into a draft's values (the draft's own values stay unless overridden). */
export function mergeOverrides(
  base: Record<string, unknown>,
  overrides: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(overrides)) {
    const inner = out[name];
    out[name] =
      value && typeof value === 'object' && inner && typeof inner === 'object'
        ? mergeOverrides(inner as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}

/** The spec with the handed-over settings merged in at the session or the agent level. */
export function applyTurnSettings(spec: FlowSpec, handover: TurnSettingsHandover): FlowSpec {
  const overrides = handover.overrides;
  if (handover.agentId === null) {
    const turnHandling = mergeOverrides(spec.settings.turnHandling as Record<string, unknown>, overrides);
    return {
      ...spec,
      settings: { ...spec.settings, turnHandling: turnHandling as FlowSpec['settings']['turnHandling'] },
    };
  }
  return {
    ...spec,
    agents: spec.agents.map((agent) =>
      agent.id === handover.agentId
        ? {
            ...agent,
            turnHandling: mergeOverrides(
              (agent.turnHandling ?? {}) as Record<string, unknown>,
              overrides,
            ) as FlowSpec['agents'][number]['turnHandling'],
          }
        : agent,
    ),
  };
}
