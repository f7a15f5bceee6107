import type { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Binds `server` to a free loopback port and returns its base URL (`http://` or `ws://`). */
export async function listenOnLoopback(server: Server, scheme: 'http' | 'ws'): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Resolves once `check` holds, checking now and on every `change` event of `changes`. */
export function waitUntil(changes: EventEmitter, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const probe = () => {
      if (!check()) return;
      changes.off('change', probe);
      resolve();
    };
    changes.on('change', probe);
    probe();
  });
}
