import type { FlowSpecInput } from '@parley/engine/flow';
import type { Api, Reply } from './http';
import { twoAgentSpec } from './specs';

/** A two-agent flow declaring one variable, `customerName`, its greeting uses. */
export function specWithVariable(name: string): FlowSpecInput {
  const spec = twoAgentSpec(name);
  return {
    ...spec,
    agents: spec.agents.map((agent, i) => (i === 0 ? { ...agent, greeting: 'Hello {{customerName}}.' } : agent)),
    variables: [{ name: 'customerName', type: 'string', description: 'Who is calling' }],
  };
}

/** Creates a flow through the API (published when asked) and returns its id. */
export async function createFlow(api: Api, name: string, options: { publish: boolean }): Promise<string> {
  const created = await api.post('/api/flows', specWithVariable(name));
  if (created.status !== 201) throw new Error(`flow not created: ${JSON.stringify(created.body)}`);
  const id = created.body.flow.id as string;
  if (options.publish) {
    const published = await api.post(`/api/flows/${id}/publish`, { note: 'v1' });
    if (published.status !== 201) throw new Error(`flow not published: ${JSON.stringify(published.body)}`);
  }
  return id;
}

/** Creates a secret key for `flowIds` through the Settings API; returns the key and its id. */
export async function createKey(api: Api, flowIds: string[], name = 'backend'): Promise<{ key: string; id: string }> {
  const created = await api.post('/api/api-keys', { name, flowIds });
  if (created.status !== 201) throw new Error(`key not created: ${JSON.stringify(created.body)}`);
  return { key: created.body.key, id: created.body.apiKey.id };
}

/** POST /api/v1/flows/:id/sessions the way a customer's backend does: a bearer key, no cookie. */
export async function startSession(
  base: string,
  flow: string,
  key: string | null,
  body?: unknown,
  authorization = `Bearer ${key}`,
): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers.authorization = authorization;
  const response = await fetch(`${base}/api/v1/flows/${encodeURIComponent(flow)}/sessions`, {
    method: 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}
