import type { AgentState } from '@parley/engine';
import type { Logger } from '../log';
import { ATTRIBUTE_AGENT_STATE } from './conventions';

/** The part of a LocalParticipant that sets attributes. */
export interface AttributeSetter {
  setAttributes(attributes: Record<string, string>): Promise<void>;
}

/** The participant attributes that announce `state` to LiveKit frontends (Parley's states are LiveKit's). */
export function agentStateAttributes(state: AgentState): Record<string, string> {
  return { [ATTRIBUTE_AGENT_STATE]: state };
}

/**
 * Keeps `lk.agent.state` in step with the session. Updates go out one at a time and in order
 * (setAttributes is async, and a late write must not overwrite a newer state); a repeat of the
 * state last sent is skipped.
 */
export class AgentStatePublisher {
  private last: AgentState | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly participant: AttributeSetter,
    private readonly log: Logger,
  ) {}

  /** Queues an update to `state`. */
  update(state: AgentState): void {
    if (state === this.last) return;
    this.last = state;
    this.chain = this.chain.then(() =>
      this.participant.setAttributes(agentStateAttributes(state)).catch((error: unknown) => {
        this.log.warn('cannot set the agent state attribute', { state, error: String(error) });
      }),
    );
  }

  /** Resolves once every update queued so far was sent (or failed). */
  settled(): Promise<void> {
    return this.chain;
  }
}
