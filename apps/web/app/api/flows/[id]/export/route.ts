import { flows } from '@parley/db';
import { attachmentDisposition } from '@/src/server/attachment';
import { handle } from '@/src/server/handle';
import type { FlowRouteContext } from '@/src/server/route-context';

/** Downloads the draft as a FlowSpec JSON file that POST /api/flows/import accepts. */
export const GET = handle(async (_request, { params }: FlowRouteContext) => {
  const { id } = await params;
  const flow = await flows.get(id);
  return new Response(`${JSON.stringify(flow.draft, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': attachmentDisposition(flow.name),
    },
  });
});
