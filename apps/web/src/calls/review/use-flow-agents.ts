'use client';

import { useEffect, useState } from 'react';
import { flowsApi } from '@/src/api/flows-api';

/** The agents of a flow's draft (id and name), for choosing where replayed settings go. */
export function useFlowAgents(flowId: string): { id: string; name: string }[] {
  const [agents, setAgents] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    let live = true;
    void flowsApi.get(flowId).then((reply) => {
      if (live && reply.ok) setAgents(reply.data.flow.draft.agents.map(({ id, name }) => ({ id, name })));
    });
    return () => {
      live = false;
    };
  }, [flowId]);
  return agents;
}
