import type { FlowSpec, FlowSpecInput } from '@parley/engine/flow';
import { request } from './request';
import type { FlowSummary, FlowWithIssues, VersionDetail, VersionSummary } from './types';

const flowUrl = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

/** Typed calls to the flows HTTP API; the browser's only way to read or change flows. */
export const flowsApi = {
  list: () => request<{ flows: FlowSummary[] }>('GET', '/api/flows'),
  createBlank: (name: string) => request<FlowWithIssues>('POST', '/api/flows', { name }),
  createFrom: (spec: FlowSpecInput) => request<FlowWithIssues>('POST', '/api/flows', spec),
  get: (id: string) => request<FlowWithIssues>('GET', flowUrl(id)),
  save: (id: string, spec: FlowSpec, revision: number) =>
    request<FlowWithIssues>('PUT', flowUrl(id), { spec, revision }),
  remove: (id: string) => request<undefined>('DELETE', flowUrl(id)),
  duplicate: (id: string) => request<FlowWithIssues>('POST', `${flowUrl(id)}/duplicate`, {}),
  import: (spec: unknown) => request<FlowWithIssues>('POST', '/api/flows/import', spec),
  exportUrl: (id: string) => `${flowUrl(id)}/export`,
  publish: (id: string, note: string) =>
    request<{ version: VersionSummary }>('POST', `${flowUrl(id)}/publish`, { note }),
  versions: (id: string) => request<{ versions: VersionSummary[] }>('GET', `${flowUrl(id)}/versions`),
  version: (id: string, number: number) =>
    request<{ version: VersionDetail }>('GET', `${flowUrl(id)}/versions/${number}`),
  rollback: (id: string, number: number) =>
    request<{ version: VersionSummary }>('POST', `${flowUrl(id)}/rollback`, { number }),
  restore: (id: string, number: number, revision: number) =>
    request<FlowWithIssues>('POST', `${flowUrl(id)}/restore`, { number, revision }),
};
