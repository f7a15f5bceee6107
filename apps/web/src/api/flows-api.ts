import type { FlowSpecInput } from '@parley/engine/flow';
import type { z } from 'zod';
import type {
  createBlankFlowBody,
  publishBody,
  restoreBody,
  rollbackBody,
  saveDraftBody,
} from '../server/request-schemas';
import { request } from './request';
import type { FlowList, FlowWithIssues, VersionDetailReply, VersionList, VersionReply } from './types';

const flowUrl = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

/** Typed calls to the flows HTTP API; the browser's only way to read or change flows. */
export const flowsApi = {
  list: () => request<FlowList>('GET', '/api/flows'),
  createBlank: (body: z.input<typeof createBlankFlowBody>) => request<FlowWithIssues>('POST', '/api/flows', body),
  createFrom: (spec: FlowSpecInput) => request<FlowWithIssues>('POST', '/api/flows', spec),
  get: (id: string) => request<FlowWithIssues>('GET', flowUrl(id)),
  save: (id: string, body: z.input<typeof saveDraftBody>) => request<FlowWithIssues>('PUT', flowUrl(id), body),
  remove: (id: string) => request<undefined>('DELETE', flowUrl(id)),
  duplicate: (id: string) => request<FlowWithIssues>('POST', `${flowUrl(id)}/duplicate`, {}),
  import: (spec: unknown) => request<FlowWithIssues>('POST', '/api/flows/import', spec),
  exportUrl: (id: string) => `${flowUrl(id)}/export`,
  publish: (id: string, body: z.input<typeof publishBody>) =>
    request<VersionReply>('POST', `${flowUrl(id)}/publish`, body),
  versions: (id: string) => request<VersionList>('GET', `${flowUrl(id)}/versions`),
  version: (id: string, number: number) => request<VersionDetailReply>('GET', `${flowUrl(id)}/versions/${number}`),
  rollback: (id: string, body: z.input<typeof rollbackBody>) =>
    request<VersionReply>('POST', `${flowUrl(id)}/rollback`, body),
  restore: (id: string, body: z.input<typeof restoreBody>) =>
    request<FlowWithIssues>('POST', `${flowUrl(id)}/restore`, body),
};
