import { z } from 'zod';
import { ApiError } from '@/src/server/api-error';
import { startedSessionResponse } from '@/src/server/call-api/schemas';
import { startApiSession } from '@/src/server/call-api/start-session';
import { callsConfig } from '@/src/server/calls-config';
import { embedAccess } from '@/src/server/embed/embed-access';
import { admitEmbedSession } from '@/src/server/embed/embed-limits';
import { originAllowed } from '@/src/server/embed/frame-policy';
import { handle } from '@/src/server/handle';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import type { FlowRouteContext } from '@/src/server/route-context';

/** The widget names only its publishable key; visitors set no variables (they would reach the prompt). */
const embedSessionBody = z.object({ key: z.string().max(200).optional() }).strict();

/**
 * The embeddable widget starts a call of its flow's live version: a live publishable key made for
 * this flow, a browser on this server or one of the key's allowed origins, and at most a few
 * starts a minute per visitor address.
 */
export const POST = handle(async (request: Request, { params }: FlowRouteContext) => {
  const { id } = await params;
  const { key } = parseBody(embedSessionBody, await readJsonBody(request));
  const access = await embedAccess(key, id, { use: true });
  if (!originAllowed(request, access.key.allowedOrigins)) {
    throw new ApiError(
      403,
      'forbidden',
      "This site is not one of the widget key's allowed origins; add it to the key in Settings → API keys.",
    );
  }
  await admitEmbedSession(request, access.key.id);
  const started = await startApiSession(callsConfig(), access.key, access.flowId, { variables: {} }, 'embed');
  return reply(startedSessionResponse, started, { status: 201, headers: { 'cache-control': 'no-store' } });
});
