import { type EspeakBackend, ProviderError } from '@parley/engine';
import type { ChildMessage, ParentMessage, ServiceReply } from './ipc-messages';

/**
 * The call process's eSpeak NG backend: sentences go to the runtime's shared programs over IPC
 * (see SharedServices) instead of a program of this process's own.
 */
export function remoteEspeak(post: (message: ChildMessage) => void): {
  backend: EspeakBackend;
  /** Feed every message from the parent here; service replies settle their requests. */
  receive(message: ParentMessage): void;
} {
  const waiting = new Map<number, (reply: ServiceReply) => void>();
  let nextId = 1;
  return {
    backend: (text, { voice, rate }, timeoutMs) => {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, (reply) => {
          if (reply.ok) resolve(reply.wav);
          else reject(new ProviderError(reply.provider, reply.kind, reply.message));
        });
        post({ type: 'service', id, request: { kind: 'espeak', text, voice, rate, timeoutMs } });
      });
    },
    receive: (message) => {
      if (message.type !== 'service_reply') return;
      const settle = waiting.get(message.id);
      waiting.delete(message.id);
      settle?.(message);
    },
  };
}
