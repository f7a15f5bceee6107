import type { ToolCallRequest } from './types';

/** One streamed `tool_calls[]` delta as Chat Completions sends it. */
export interface ToolCallDelta {
  index: number;
  id?: string;
  function?: { name?: string; arguments?: string };
}

interface OpenCall {
  id: string;
  name: string;
  arguments: string;
}

/**
 * Rebuilds tool calls from streamed deltas: the first delta of a call carries its id and name,
 * later ones append argument text, keyed by `index`. Calls are only known complete when the
 * choice finishes, because compatible servers may interleave the deltas of parallel calls.
 */
export class ToolCallAccumulator {
  private readonly open = new Map<number, OpenCall>();

  /** Adds one delta to the call at its index. */
  push(delta: ToolCallDelta): void {
    let call = this.open.get(delta.index);
    if (!call) {
      call = { id: '', name: '', arguments: '' };
      this.open.set(delta.index, call);
    }
    if (delta.id) call.id = delta.id;
    if (delta.function?.name) call.name += delta.function.name;
    if (delta.function?.arguments) call.arguments += delta.function.arguments;
  }

  /** Every accumulated call in index order; the accumulator is empty afterwards. */
  flush(): ToolCallRequest[] {
    const calls = [...this.open.entries()].sort(([a], [b]) => a - b);
    this.open.clear();
    return calls.map(([index, call]) => ({
      // Some compatible servers omit ids; the tool result still needs one to point at.
      id: call.id || `call_${index}`,
      name: call.name,
      arguments: call.arguments || '{}',
    }));
  }
}
