import { authed } from '@/src/server/auth/api-auth';
import { blankFlowSpec } from '@/src/server/blank-flow';
import { flowWithIssues } from '@/src/server/flow-with-issues';
import { parseBody } from '@/src/server/parse-body';
import { parseFlowSpec } from '@/src/server/parse-flow-spec';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import { createBlankFlowBody } from '@/src/server/request-schemas';
import { flowListResponse, flowWithIssuesResponse } from '@/src/server/response-schemas';

/** Lists the workspace's flows with its live version and version count. */
export const GET = authed(async (_request, _context, { repos }) =>
  reply(flowListResponse, { flows: await repos.flows.list() }),
);

/** Creates a flow from a FlowSpec, or a blank one-agent flow from `{ name }`. */
export const POST = authed(async (request, _context, { repos }) => {
  const body = await readJsonBody(request);
  // Only `{ name }` asks for a blank flow; anything else must be a FlowSpec, so its errors name FlowSpec fields.
  const wantsBlank = isObject(body) && Object.keys(body).every((key) => key === 'name');
  const spec = wantsBlank ? blankFlowSpec(parseBody(createBlankFlowBody, body).name) : parseFlowSpec(body).spec;
  return reply(flowWithIssuesResponse, flowWithIssues(await repos.flows.create(spec)), { status: 201 });
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
