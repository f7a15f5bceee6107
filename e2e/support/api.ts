import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';

/** Creates a flow through the real HTTP API and returns its id. */
export async function createFlow(request: APIRequestContext, body: unknown): Promise<string> {
  const response = await request.post('/api/flows', { data: body });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { flow: { id: string } }).flow.id;
}

/** Deletes every flow through the API, so a test can see the empty state. */
export async function deleteAllFlows(request: APIRequestContext): Promise<void> {
  const { flows } = (await (await request.get('/api/flows')).json()) as { flows: { id: string }[] };
  for (const flow of flows) expect((await request.delete(`/api/flows/${flow.id}`)).ok()).toBe(true);
}
