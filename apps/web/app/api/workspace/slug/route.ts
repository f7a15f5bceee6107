import { slugs } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';
import { reply } from '@/src/server/reply';
import { slugBody } from '@/src/server/request-schemas';
import { workspaceSlugResponse } from '@/src/server/response-schemas';
import { storeSlug } from '@/src/server/store-slug';

/** The workspace's slug (null until an admin chooses one). */
export const GET = authed(async (_request, _context, { session }) =>
  reply(workspaceSlugResponse, { slug: await slugs.ofWorkspace(session.workspace.id) }),
);

/** Sets (or with null clears) the workspace's slug; 422 `slug_invalid`, 409 `slug_taken`. Admins only. */
export const PUT = authed(
  async (request, _context, { session }) => {
    const { slug } = parseBody(slugBody, await readJsonBody(request));
    await storeSlug(slug, (value) => slugs.setWorkspaceSlug(session.workspace.id, value));
    return reply(workspaceSlugResponse, { slug });
  },
  { adminOnly: true },
);
