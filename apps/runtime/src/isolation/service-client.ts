import { ProviderError, TurnModelSetupError } from '@parley/engine';
import type { ChildMessage, ParentMessage, ServiceError, ServiceReply, ServiceRequest } from './ipc-messages';

/** The call process's side of the runtime's shared services: requests out over IPC, replies matched by id. */
export interface ServiceClient {
  /** Sends `request`; resolves with the reply's value, rejects with its error or, when aborted, the signal's reason. */
  request(request: ServiceRequest, signal?: AbortSignal): Promise<Uint8Array | number | null>;
  /** Feed every message from the parent here; service replies settle their requests. */
  receive(message: ParentMessage): void;
}

/** The error a failed reply raises, of the class the engine would have thrown in this process. */
function raised(error: ServiceError): Error {
  if (error.provider !== undefined) return new ProviderError(error.provider, error.kind ?? 'server', error.message);
  if (error.name === 'TurnModelSetupError') return new TurnModelSetupError(error.message);
  return new Error(error.message);
}

/** A client posting with `post` (the parent answers every request, so none waits for ever while it lives). */
export function serviceClient(post: (message: ChildMessage) => void): ServiceClient {
  const waiting = new Map<number, (reply: ServiceReply) => void>();
  let nextId = 1;
  return {
    request: (request, signal) => {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          waiting.delete(id);
          post({ type: 'service_cancel', id });
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.set(id, (reply) => {
          signal?.removeEventListener('abort', onAbort);
          if (reply.ok) resolve(reply.value);
          else reject(raised(reply.error));
        });
        post({ type: 'service', id, request });
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
