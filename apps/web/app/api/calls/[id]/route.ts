import { callEvents, calls } from '@parley/db';
import { callView } from '@/src/server/calls-view';
import { handle } from '@/src/server/handle';

/** The context Next passes to handlers under /api/calls/[id]. */
interface CallRouteContext {
  params: Promise<{ id: string }>;
}

/** One call with its recorded SessionEvents in order (each as the event it was: type, t and body). */
export const GET = handle(async (_request, { params }: CallRouteContext) => {
  const { id } = await params;
  const call = callView(await calls.get(id));
  const events = (await callEvents.list(id)).map((row) => ({
    ...(row.payload as Record<string, unknown>),
    type: row.type,
    t: row.t,
  }));
  return Response.json({ call, events });
});
