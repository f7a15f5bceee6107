import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';

/** One stored SessionEvent, as GET /api/calls/:id returns it (t: ms since the session began). */
export interface StoredEvent {
  type: string;
  t: number;
  [field: string]: unknown;
}

/** The stored events of the flow's latest call, through the real HTTP API. */
export async function latestCallEvents(request: APIRequestContext, flowId: string): Promise<StoredEvent[]> {
  const list = await request.get(`/api/flows/${flowId}/calls`);
  expect(list.ok()).toBe(true);
  const [latest] = ((await list.json()) as { calls: { id: string }[] }).calls;
  if (!latest) throw new Error(`flow ${flowId} has no calls`);
  const call = await request.get(`/api/calls/${latest.id}`);
  expect(call.ok()).toBe(true);
  return ((await call.json()) as { events: StoredEvent[] }).events;
}

/** Session time of each event of `type`, in order. */
export function timesOf(events: readonly StoredEvent[], type: string): number[] {
  return events.filter((event) => event.type === type).map((event) => event.t);
}
