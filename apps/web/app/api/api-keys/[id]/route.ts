import { apiKeys, audit } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { revokedApiKeyResponse } from '@/src/server/call-api/schemas';
import { reply } from '@/src/server/reply';

interface ApiKeyRouteContext {
  params: Promise<{ id: string }>;
}

/** Revokes the key: calls made with it are refused from now on; 404 when the workspace has no such key. Admins only. */
export const DELETE = authed(
  async (_request, { params }: ApiKeyRouteContext, { session }) => {
    const { id } = await params;
    const record = await apiKeys.revoke(session.workspace.id, id);
    await audit.record({
      workspaceId: session.workspace.id,
      userId: session.user.id,
      action: 'api_key_revoke',
      target: `${record.name} (${record.prefix}…)`,
      details: { apiKeyId: record.id },
    });
    return reply(revokedApiKeyResponse, { apiKey: record });
  },
  { adminOnly: true },
);
