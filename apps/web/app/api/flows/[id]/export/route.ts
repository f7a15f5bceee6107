import { attachmentDisposition } from '@/src/server/attachment';
import { authed } from '@/src/server/auth/api-auth';
import type { FlowRouteContext } from '@/src/server/route-context';

/** Downloads the draft as a FlowSpec JSON file that POST /api/flows/import accepts. */
export const GET = authed(async (_request, { params }: FlowRouteContext, { repos }) => {
  const { id } = await params;
  const flow = await repos.flows.get(id);
  return new Response(`${JSON.stringify(flow.draft, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': attachmentDisposition(flow.name),
    },
  });
});
