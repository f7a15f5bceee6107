import { afterAll, describe, expect, test } from 'vitest';
import {
  calls,
  closeDb,
  flows,
  flowWebhooks,
  getDb,
  NotFoundError,
  versions,
  webhookDeliveries,
  workspaces,
} from '../src/index';
import { validSpec } from './fixtures';

afterAll(closeDb);

/** A published flow of a new workspace, with a webhook. */
async function hookedFlow(url = 'https://hooks.example.com/x') {
  const workspace = await workspaces.create('Hooks');
  const flow = await flows.create(validSpec('Hooked'), workspace.id);
  const version = await versions.publish(flow.id, 'v1');
  await flowWebhooks.set(workspace.id, flow.id, url);
  return { workspaceId: workspace.id, flowId: flow.id, versionId: version.id };
}

describe('flow webhooks', () => {
  test('seal the whsec_ secret at rest, keep it across URL changes, rotate it, and stay in their workspace', async () => {
    const { workspaceId, flowId } = await hookedFlow();
    const secret = await flowWebhooks.reveal(workspaceId, flowId);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    const [row] = await getDb().$queryRaw<{ text: string }[]>`
      SELECT row_to_json(w)::text AS text FROM flow_webhooks w WHERE flow_id = ${flowId}::uuid`;
    expect(row?.text).not.toContain(secret);

    expect((await flowWebhooks.set(workspaceId, flowId, 'http://hooks.example.com/y')).created).toBe(false);
    expect(await flowWebhooks.signingSecret(workspaceId, flowId)).toBe(secret);
    const rotated = await flowWebhooks.rotate(workspaceId, flowId);
    expect(rotated).not.toBe(secret);
    expect(await flowWebhooks.reveal(workspaceId, flowId)).toBe(rotated);

    const other = await workspaces.create('Elsewhere');
    await expect(flowWebhooks.get(other.id, flowId)).rejects.toThrow(NotFoundError);
    await expect(flowWebhooks.reveal(other.id, flowId)).rejects.toThrow(NotFoundError);
    // Opened for another workspace, the sealed secret does not decrypt (workspace and name are authenticated).
    await expect(flowWebhooks.signingSecret(other.id, flowId)).rejects.toThrow();
    await expect(flowWebhooks.set(workspaceId, flowId, 'ftp://x')).rejects.toThrow('url must be http or https');
  });
});

describe('webhook deliveries', () => {
  test('are queued once per call that is over, and only when its flow has a webhook', async () => {
    const { versionId } = await hookedFlow('https://hooks.example.com/at-the-time');
    const running = await calls.create({ flowVersionId: versionId, mode: 'local' });
    expect(await webhookDeliveries.enqueueForCalls([running.id])).toEqual([]);
    await calls.markEnded(running.id);
    const [id] = await webhookDeliveries.enqueueForCalls([running.id]);
    expect(await webhookDeliveries.enqueueForCalls([running.id])).toEqual([]);
    expect(await webhookDeliveries.get(id as string)).toMatchObject({
      status: 'pending',
      attempts: 0,
      url: 'https://hooks.example.com/at-the-time',
      log: [],
    });

    const bare = await workspaces.create('No hook');
    const flow = await flows.create(validSpec('Plain'), bare.id);
    const call = await calls.create({ flowVersionId: (await versions.publish(flow.id, 'v1')).id, mode: 'local' });
    await calls.markFailed(call.id, 'test');
    expect(await webhookDeliveries.enqueueForCalls([call.id])).toEqual([]);
  });

  test('are claimed by one claimer at a time (SKIP LOCKED), held while sent, and moved on by each attempt', async () => {
    const { workspaceId, flowId, versionId } = await hookedFlow();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const call = await calls.create({ flowVersionId: versionId, mode: 'local' });
      await calls.markEnded(call.id);
      ids.push(...(await webhookDeliveries.enqueueForCalls([call.id])));
    }
    // Racing claimers (as several runtimes would) never get the same delivery.
    const claims = await Promise.all([1, 2, 3, 4].map(() => webhookDeliveries.claimDue(100, 60_000)));
    const claimed = claims.flat().filter((delivery) => ids.includes(delivery.id));
    expect(claimed.map((delivery) => delivery.id).sort()).toEqual([...ids].sort());
    expect(claimed[0]).toMatchObject({ workspaceId, flowId });
    // Held: nothing of these is due again until the hold ends or an attempt is recorded.
    expect((await webhookDeliveries.claimDue(100, 60_000)).filter((d) => ids.includes(d.id))).toEqual([]);

    const [first = '', second = ''] = ids;
    const attempt = {
      at: new Date().toISOString(),
      responseStatus: 500,
      error: 'the receiver answered HTTP 500',
      ms: 5,
    };
    await webhookDeliveries.recordAttempt(first, attempt, { status: 'pending', retryAt: new Date(Date.now() - 1) });
    await webhookDeliveries.recordAttempt(
      second,
      { at: attempt.at, responseStatus: 204, ms: 3 },
      { status: 'delivered' },
    );
    expect(await webhookDeliveries.get(first)).toMatchObject({
      status: 'pending',
      attempts: 1,
      responseStatus: 500,
      lastError: 'the receiver answered HTTP 500',
      log: [attempt],
    });
    expect(await webhookDeliveries.get(second)).toMatchObject({
      status: 'delivered',
      attempts: 1,
      nextAttemptAt: null,
    });
    const due = await webhookDeliveries.claimDue(100, 60_000);
    expect(due.map((delivery) => delivery.id)).toContain(first);
    expect(due.map((delivery) => delivery.id)).not.toContain(second);
  });
});
