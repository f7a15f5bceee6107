import { request } from './request';
import type { FlowSlug, WorkspaceSlug } from './types';

const flowSlugUrl = (id: string) => `/api/flows/${encodeURIComponent(id)}/slug`;

/** Typed calls to the slug API; like the other clients, they never throw. */
export const slugsApi = {
  /** The flow's slug and its workspace's. */
  flow: (flowId: string) => request<FlowSlug>('GET', flowSlugUrl(flowId)),
  /** Sets the flow's slug, or clears it with null. */
  setFlow: (flowId: string, slug: string | null) => request<FlowSlug>('PUT', flowSlugUrl(flowId), { slug }),
  /** The workspace's slug. */
  workspace: () => request<WorkspaceSlug>('GET', '/api/workspace/slug'),
  /** Sets the workspace's slug, or clears it with null (admins). */
  setWorkspace: (slug: string | null) => request<WorkspaceSlug>('PUT', '/api/workspace/slug', { slug }),
};
