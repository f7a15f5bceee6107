import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CallTokenError, MAX_MESSAGE_BYTES, verifyCallToken } from '@parley/calls';
import { type WebSocket, WebSocketServer } from 'ws';
import { CallRefused } from '../calls/call-refused';
import type { CallSupervisor } from '../calls/call-supervisor';
import { loadCallToRun } from '../calls/load-call';
import type { Logger } from '../log';
import { parseCallUrl } from './call-url';
import { WebSocketCaller } from './websocket-caller';

export interface LocalCallEndpointOptions {
  supervisor: CallSupervisor;
  /** PARLEY_SECRET: call tokens are signed with it by the web app. */
  secret: string;
  log: Logger;
}

/**
 * Local mode: a browser (or test) talks to a call over WebSocket /calls/:callId/ws?token=...
 * The token goes in the URL because browsers cannot set headers on a WebSocket; it is never
 * logged. Every refusal is a call_error message plus a close code, after the upgrade, because
 * a browser cannot read the body of a refused upgrade.
 */
export class LocalCallEndpoint {
  // ws enforces this hard cap itself; anything between MAX_MESSAGE_BYTES and it gets our own
  // close with a reason (see WebSocketCaller).
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 4 * MAX_MESSAGE_BYTES });

  constructor(private readonly options: LocalCallEndpointOptions) {}

  /** Whether `url` is a local-mode call address. */
  handles(url: string | undefined): boolean {
    return parseCallUrl(url) !== null;
  }

  /** Completes the WebSocket upgrade of a call request and admits (or refuses) the call. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => void this.accept(ws, request));
  }

  private async accept(ws: WebSocket, request: IncomingMessage): Promise<void> {
    const { callId, token } = parseCallUrl(request.url) ?? { callId: '', token: '' };
    const log = this.options.log.child({ callId });
    const caller = new WebSocketCaller(ws, log);
    let slot: ReturnType<CallSupervisor['reserve']> | null = null;
    try {
      const claims = this.verify(callId, token);
      // What is wrong with the call itself is final and says more than "busy, try later": check it first.
      const call = await loadCallToRun(callId, claims.flowVersionId);
      slot = this.options.supervisor.reserve(callId);
      await slot.claim();
      if (ws.readyState !== ws.OPEN) return slot.release();
      caller.attach(slot.start(call, { kind: 'local' }, caller));
    } catch (error) {
      slot?.release();
      const refusal = asRefusal(error);
      log.warn('local call refused', { code: refusal.code, reason: refusal.message });
      caller.refuse(refusal.code, refusal.message);
    }
  }

  private verify(callId: string, token: string) {
    if (!token)
      throw new CallRefused('token_invalid', 'no call token: connect to /calls/:callId/ws?token=<call token>');
    let claims: ReturnType<typeof verifyCallToken>;
    try {
      claims = verifyCallToken(this.options.secret, token);
    } catch (error) {
      if (!(error instanceof CallTokenError)) throw error;
      throw new CallRefused(error.problem === 'expired' ? 'token_expired' : 'token_invalid', error.message);
    }
    if (claims.callId !== callId)
      throw new CallRefused('token_invalid', `the call token is for another call, not ${callId}`);
    return claims;
  }

  /** Closes the WebSocket server (sockets of running calls close as their calls end). */
  close(): void {
    this.server.close();
  }
}

function asRefusal(error: unknown): CallRefused {
  if (error instanceof CallRefused) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new CallRefused('call_failed', `the runtime could not load the call: ${detail}`);
}
