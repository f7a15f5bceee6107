import type { ServerResponse } from 'node:http';
import { errorHeaders, openAiErrorBody } from './error-body';
import type { RecordedRequest } from './recorded';
import type { FlowStep, ScriptedError } from './script';

/** Resolves after `ms`, or early when the double shuts down. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Resolves when the double shuts down, so paused replies never outlive it. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** True for the steps every endpoint understands. */
export function isFlowStep(step: object): step is FlowStep {
  return 'delayMs' in step || 'waitFor' in step || 'drop' in step || 'error' in step;
}

/**
 * One reply in progress. Headers go out lazily with the first data, so a leading delay holds
 * the headers back (what a client's timeout measures) and a leading error can still be an HTTP error.
 */
export class ScriptedResponse {
  private headersSent = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly record: RecordedRequest,
    private readonly shutdown: AbortSignal,
    private readonly headers: Record<string, string>,
    /** How an error step looks once the body has started (streams); null: just end. */
    private readonly streamError: ((error: ScriptedError) => string) | null,
  ) {}

  /** False once the client went away, the double shut down, or a drop happened. */
  get alive(): boolean {
    return !this.res.destroyed && !this.shutdown.aborted;
  }

  /** Plays a flow step; returns false when the reply is over. */
  async flow(step: FlowStep): Promise<boolean> {
    if ('delayMs' in step) await pause(step.delayMs, this.shutdown);
    else if ('waitFor' in step) await Promise.race([step.waitFor, untilAborted(this.shutdown)]);
    else if ('drop' in step) {
      this.res.socket?.destroy();
      return false;
    } else {
      this.fail(step.error);
      return false;
    }
    return this.alive;
  }

  /** Writes body data (sending headers first if needed) and records what was sent. */
  write(chunk: string | Uint8Array, note: string): void {
    if (!this.alive) return;
    if (!this.headersSent) {
      this.res.writeHead(200, this.headers);
      this.headersSent = true;
    }
    this.res.write(chunk);
    this.record.sent.push(note);
  }

  /** Finishes the reply. */
  end(): void {
    if (!this.alive) return;
    if (!this.headersSent) this.res.writeHead(200, this.headers);
    this.res.end();
    this.record.completed = true;
  }

  private fail(error: ScriptedError): void {
    if (!this.alive) return;
    if (!this.headersSent) {
      this.res.writeHead(error.status, errorHeaders(error));
      this.res.end(JSON.stringify(openAiErrorBody(error)));
    } else {
      if (this.streamError) this.res.write(this.streamError(error));
      this.res.end();
    }
    this.record.completed = true;
  }
}
