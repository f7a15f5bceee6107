import { type ApiKeyRecord, apiKeys, NotFoundError, slugs } from '@parley/db';
import { ApiError } from '../api-error';

/** What an embed request may do: which key it came with and the one flow that key opens. */
export interface EmbedAccess {
  key: ApiKeyRecord;
  flowId: string;
}

const noKey = () =>
  new ApiError(
    401,
    'unauthenticated',
    'This widget has no valid publishable key: create one for the flow in Settings → API keys and use it in the embed code.',
  );

/**
 * Checks that `key` is a live publishable key and that flow `flowSlug` (a slug or id in the key's
 * workspace) is the flow it was made for. `use` stamps the key's last use (session starts do;
 * page loads only look).
 */
export async function embedAccess(
  key: string | null | undefined,
  flowSlug: string,
  { use }: { use: boolean },
): Promise<EmbedAccess> {
  if (!key) throw noKey();
  const record = use ? await apiKeys.verify(key, 'publishable') : await apiKeys.peek(key, 'publishable');
  if (!record) throw noKey();
  let flowId: string;
  try {
    flowId = await slugs.flowIdOf(record.workspaceId, flowSlug);
  } catch (error) {
    if (error instanceof NotFoundError) throw notThisFlow(flowSlug);
    throw error;
  }
  if (!record.flowIds.includes(flowId)) throw notThisFlow(flowSlug);
  return { key: record, flowId };
}

function notThisFlow(flowSlug: string): ApiError {
  return new ApiError(
    404,
    'not_found',
    `This widget's key does not open flow "${flowSlug}": check the flow's slug in the embed code, or make a key for it.`,
  );
}
