import type { APIRequestContext } from '@playwright/test';
import WebSocket from 'ws';
import { expect } from './fixtures';

interface Message {
  type: string;
  [field: string]: unknown;
}

/**
 * Makes a real test call on the flow's draft through the HTTP API and the runtime's WebSocket
 * (as the tester joins it): waits for the greeting, types `text`, waits for the agent's answer,
 * hangs up and waits for the runtime to close the call. Returns the call's id.
 */
export async function makeTypedCall(request: APIRequestContext, flowId: string, text: string): Promise<string> {
  const response = await request.post(`/api/flows/${flowId}/calls`, { data: {} });
  expect(response.status()).toBe(201);
  const started = (await response.json()) as { mode: string; callId: string; url: string; token: string };
  expect(started.mode).toBe('local');

  const socket = new WebSocket(`${started.url}?token=${encodeURIComponent(started.token)}`);
  const messages: Message[] = [];
  let wake: () => void = () => {};
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) messages.push(JSON.parse(data.toString()) as Message);
    wake();
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  void closed.then(() => wake());
  const replies = () => messages.filter((m) => m.type === 'assistant_message').length;
  const until = async (what: string, ok: () => boolean) => {
    while (!ok()) {
      if (socket.readyState === WebSocket.CLOSED) throw new Error(`the call closed before ${what}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };

  await until('the greeting', () => replies() >= 1);
  socket.send(JSON.stringify({ type: 'user_text', text }));
  await until('the answer', () => replies() >= 2);
  socket.send(JSON.stringify({ type: 'end_call' }));
  expect(await closed).toBe(1000);
  return started.callId;
}
