import { apiKeys, audit } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { checkKeyFlows } from '@/src/server/call-api/key-flows';
import { apiKeyListResponse, createApiKeyBody, createdApiKeyResponse } from '@/src/server/call-api/schemas';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';

/** The workspace's API keys, newest first: names, prefixes and flows, never the keys. */
export const GET = authed(async (_request, _context, { session }) =>
  reply(
    apiKeyListResponse,
    { keys: await apiKeys.list(session.workspace.id) },
    { headers: { 'cache-control': 'no-store' } },
  ),
);

/** Creates a key for the chosen flows; the answer holds the key, the only time it is shown. Admins only. */
export const POST = authed(
  async (request, _context, { session, repos }) => {
    const body = parseBody(createApiKeyBody, await readJsonBody(request));
    await checkKeyFlows(repos, body.flowIds);
    const { key, record } = await apiKeys.create({
      workspaceId: session.workspace.id,
      name: body.name,
      kind: body.kind,
      flowIds: [...new Set(body.flowIds)],
      allowedOrigins: [...new Set(body.allowedOrigins)],
    });
    await audit.record({
      workspaceId: session.workspace.id,
      userId: session.user.id,
      action: 'api_key_create',
      target: `${record.name} (${record.prefix}…)`,
      details: {
        apiKeyId: record.id,
        kind: record.kind,
        flowIds: record.flowIds,
        allowedOrigins: record.allowedOrigins,
      },
    });
    return reply(
      createdApiKeyResponse,
      { apiKey: record, key },
      { status: 201, headers: { 'cache-control': 'no-store' } },
    );
  },
  { adminOnly: true },
);
