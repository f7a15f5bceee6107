import { allowlist, audit } from '@parley/db';
import { parseAllowEntry } from '@parley/engine/webhooks';
import { ApiError } from '@/src/server/api-error';
import { authed } from '@/src/server/auth/api-auth';
import { allowEntryBody } from '@/src/server/auth/settings-bodies';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';

/** The hosts and ranges the workspace's webhooks may reach although they are not public. */
export const GET = authed(async (_request, _context, { session }) =>
  Response.json({ entries: await allowlist.list(session.workspace.id) }),
);

/** Adds a host name, IP address or CIDR range. Admins only. */
export const POST = authed(
  async (request, _context, { session }) => {
    const { entry } = parseBody(allowEntryBody, await readJsonBody(request));
    if (!parseAllowEntry(entry)) {
      throw new ApiError(400, 'invalid_request', `"${entry}" is not a host name, IP address or CIDR range.`);
    }
    const stored = await allowlist.add(session.workspace.id, entry);
    await audit.record({
      workspaceId: session.workspace.id,
      userId: session.user.id,
      action: 'allowlist_add',
      target: stored,
    });
    return Response.json({ entry: stored }, { status: 201 });
  },
  { adminOnly: true },
);

/** Removes the entry named by `?entry=`; 404 when the list has no such entry. Admins only. */
export const DELETE = authed(
  async (request, _context, { session }) => {
    const entry = new URL(request.url).searchParams.get('entry') ?? '';
    await allowlist.remove(session.workspace.id, entry);
    await audit.record({
      workspaceId: session.workspace.id,
      userId: session.user.id,
      action: 'allowlist_remove',
      target: entry,
    });
    return new Response(null, { status: 204 });
  },
  { adminOnly: true },
);
