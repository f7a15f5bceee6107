import { calls } from '@parley/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RuntimeServer, startRuntime } from '../../../../e2e/support/runtime-server';
import { createAccount } from '../support/accounts';
import { createFlow, createKey, startSession } from '../support/call-api';
import { type Api, client } from '../support/http';
import { type NextServer, startApp } from '../support/next-server';

const SECRET = 'call-api-local-secret-0123456789abcdef';

/**
 * The call API without LiveKit: a `next start` of its own in local mode next to a real runtime
 * (same database and PARLEY_SECRET). The session is a call created at once, which the caller
 * joins over the runtime's WebSocket like the tester does.
 */
export function callApiLocalSuite(): void {
  let runtime: RuntimeServer | undefined;
  let web: NextServer | undefined;
  let api: Api;

  beforeAll(async () => {
    const databaseUrl = process.env.DATABASE_URL as string;
    runtime = await startRuntime(databaseUrl, SECRET);
    web = await startApp(databaseUrl, { PARLEY_SECRET: SECRET, RUNTIME_PUBLIC_URL: runtime.wsUrl });
    api = client(() => web?.url ?? '');
    const owner = await createAccount();
    await api.signIn(owner.email, owner.password);
  }, 300_000);

  afterAll(async () => {
    await web?.stop();
    await runtime?.stop();
  });

  describe('POST /api/v1/flows/:id/sessions in local mode', () => {
    it('creates an api call with the variables and key, which the caller joins over the WebSocket', async () => {
      const flowId = await createFlow(api, 'Local call API', { publish: true });
      const { key, id: keyId } = await createKey(api, [flowId]);
      const started = await startSession(web?.url ?? '', flowId, key, {
        variables: { customerName: 'Grace' },
        participantIdentity: 'customer-7',
      });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      expect(started.body).toMatchObject({ mode: 'local', url: `${runtime?.wsUrl}/calls/${started.body.callId}/ws` });
      expect(Date.parse(started.body.expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);

      const call = await calls.get(started.body.callId);
      expect(call).toMatchObject({
        source: 'api',
        mode: 'local',
        status: 'pending',
        apiKeyId: keyId,
        callerIdentity: 'customer-7',
        variables: { customerName: 'Grace' },
      });

      const socket = new WebSocket(`${started.body.url}?token=${encodeURIComponent(started.body.token)}`);
      const greeting = await new Promise<string>((resolve, reject) => {
        socket.on('message', (data: Buffer, isBinary: boolean) => {
          if (isBinary) return;
          const message = JSON.parse(data.toString()) as { type: string; text?: string; message?: string };
          if (message.type === 'assistant_message') resolve(message.text ?? '');
          if (message.type === 'call_error') reject(new Error(message.message));
        });
        socket.once('close', (code) => reject(new Error(`the call closed (${code}) before the greeting`)));
      });
      expect(greeting).toMatch(/^Hello/);
      expect((await calls.get(call.id)).status).toBe('active');
      socket.send(JSON.stringify({ type: 'end_call' }));
      await new Promise((resolve) => socket.once('close', resolve));
    });
  });
}
