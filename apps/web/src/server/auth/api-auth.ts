import { forWorkspace, type SessionRecord, type WorkspaceRepositories } from '@parley/db';
import { ApiError } from '../api-error';
import { handle } from '../handle';
import { changesState, passesCsrf } from './csrf';
import { sessionFromCookieHeader } from './session';

/** Who is asking, and the repositories of their workspace (the only ones a route may use). */
export interface Auth {
  session: SessionRecord;
  repos: WorkspaceRepositories;
}

/** The signed-in session of the request; 401 `unauthenticated` without one. */
export async function requireSession(request: Request): Promise<SessionRecord> {
  const session = await sessionFromCookieHeader(request.headers.get('cookie'));
  if (!session) throw new ApiError(401, 'unauthenticated', 'Sign in to use the API.');
  return session;
}

/**
 * Wraps a route handler like handle() and lets only signed-in users through: 401
 * `unauthenticated` without a session, 403 `csrf_failed` for a state-changing request without the
 * session's CSRF token (or from another origin), 403 `forbidden` when `adminOnly` and the user
 * is a member only.
 */
export function authed<C>(
  handler: (request: Request, context: C, auth: Auth) => Promise<Response>,
  options: { adminOnly?: boolean } = {},
): (request: Request, context: C) => Promise<Response> {
  return handle(async (request, context: C) => {
    const session = await requireSession(request);
    if (changesState(request.method) && !passesCsrf(request, session)) {
      throw new ApiError(403, 'csrf_failed', 'The request lacks a valid x-csrf-token header; reload the page.');
    }
    if (options.adminOnly && session.workspace.role !== 'admin') {
      throw new ApiError(403, 'forbidden', 'Only workspace admins may do this.');
    }
    return handler(request, context, { session, repos: forWorkspace(session.workspace.id) });
  });
}
