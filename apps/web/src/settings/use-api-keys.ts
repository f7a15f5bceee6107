'use client';

import { useCallback, useEffect, useState } from 'react';
import { request } from '@/src/api/request';
import type { ApiKeyList, ApiKeyRow, FlowChoice } from './api-key-types';

/**
 * The workspace's keys of one kind and its flows, loaded from the API-key routes, with revoke;
 * `error` holds the last failure's message for the panel to show.
 */
export function useApiKeys(kind: ApiKeyRow['kind']) {
  const [keys, setKeys] = useState<ApiKeyRow[]>([]);
  const [flows, setFlows] = useState<FlowChoice[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [keyList, flowList] = await Promise.all([
      request<ApiKeyList>('GET', '/api/api-keys'),
      request<{ flows: FlowChoice[] }>('GET', '/api/flows'),
    ]);
    if (keyList.ok) setKeys(keyList.data.keys.filter((key) => key.kind === kind));
    else setError(keyList.error.message);
    if (flowList.ok) setFlows(flowList.data.flows.map(({ id, name, slug }) => ({ id, name, slug })));
  }, [kind]);
  useEffect(() => {
    void load();
  }, [load]);

  const revoke = useCallback(
    async (row: ApiKeyRow) => {
      const result = await request('DELETE', `/api/api-keys/${encodeURIComponent(row.id)}`);
      setError(result.ok ? null : result.error.message);
      await load();
    },
    [load],
  );

  return { keys, flows, error, setError, load, revoke };
}
