import { audit, secrets } from '@parley/db';
import { authed } from '@/src/server/auth/api-auth';
import { secretName, setSecretBody } from '@/src/server/auth/settings-bodies';
import { parseBody } from '@/src/server/parse-body';
import { readJsonBody } from '@/src/server/read-json-body';

interface SecretRouteContext {
  params: Promise<{ name: string }>;
}

/** Sets the secret (write-only: the answer never holds the value). Admins only. */
export const PUT = authed(
  async (request, { params }: SecretRouteContext, { session }) => {
    const name = parseBody(secretName, (await params).name);
    const { value } = parseBody(setSecretBody, await readJsonBody(request));
    await secrets.set(session.workspace.id, name, value);
    await audit.record({
      workspaceId: session.workspace.id,
      userId: session.user.id,
      action: 'secret_set',
      target: name,
    });
    return new Response(null, { status: 204 });
  },
  { adminOnly: true },
);

/** Deletes the secret; 404 when there is none by that name. Admins only. */
export const DELETE = authed(
  async (_request, { params }: SecretRouteContext, { session }) => {
    const { name } = await params;
    await secrets.remove(session.workspace.id, name);
    await audit.record({
      workspaceId: session.workspace.id,
      userId: session.user.id,
      action: 'secret_delete',
      target: name,
    });
    return new Response(null, { status: 204 });
  },
  { adminOnly: true },
);
