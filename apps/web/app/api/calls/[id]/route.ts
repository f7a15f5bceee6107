import { callEvents } from '@parley/db';
import type { SessionEvent } from '@parley/engine';
import { authed } from '@/src/server/auth/api-auth';
import { callView } from '@/src/server/calls-view';
import { reply } from '@/src/server/reply';
import { callWithEventsResponse } from '@/src/server/response-schemas';

/** The context Next passes to handlers under /api/calls/[id]. */
interface CallRouteContext {
  params: Promise<{ id: string }>;
}

/** One call with its recorded SessionEvents in order (each as the event it was: type, t and body). */
export const GET = authed(async (_request, { params }: CallRouteContext, { repos }) => {
  const { id } = await params;
  const call = callView(await repos.calls.get(id));
  const events = (await callEvents.list(id)).map((row) => ({
    ...(row.payload as Record<string, unknown>),
    type: row.type,
    t: row.t,
  }));
  return reply(callWithEventsResponse, { call, events: events as SessionEvent[] });
});
