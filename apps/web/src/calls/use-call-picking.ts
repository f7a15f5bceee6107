'use client';

import { useCallback, useMemo, useState } from 'react';
import type { CallListItem } from '@/src/api/types';
import type { CallPicking } from './CallsTable';

/** Most calls one set replay takes (the runtime's limit). */
export const MAX_PICKED_CALLS = 50;

/**
 * The recorded calls picked for a set replay, kept across pages and filters; a set holds calls
 * of one flow only (their turn settings are compared as one flow's).
 */
export function useCallPicking(): CallPicking & { calls: CallListItem[]; clear(): void } {
  const [picked, setPicked] = useState<Map<string, CallListItem>>(new Map());
  const toggle = useCallback((call: CallListItem) => {
    setPicked((current) => {
      const next = new Map(current);
      if (!next.delete(call.id)) next.set(call.id, call);
      return next;
    });
  }, []);
  return useMemo(() => {
    const flow = picked.values().next().value as CallListItem | undefined;
    return {
      picked: new Set(picked.keys()),
      calls: [...picked.values()],
      clear: () => setPicked(new Map()),
      toggle,
      blocked: (call: CallListItem) => {
        if (!call.recorded) return 'This call has no recording.';
        if (flow && flow.flowId !== call.flowId) return `A set holds calls of one flow (${flow.flowName}).`;
        if (picked.size >= MAX_PICKED_CALLS) return `A set holds at most ${MAX_PICKED_CALLS} calls.`;
        return null;
      },
    };
  }, [picked, toggle]);
}
