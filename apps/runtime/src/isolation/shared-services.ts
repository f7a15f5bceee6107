import { availableParallelism } from 'node:os';
import { EspeakPool, ProviderError } from '@parley/engine';
import type { ServiceReply, ServiceRequest } from './ipc-messages';

/** Most eSpeak NG programs the runtime keeps for all its calls: a sentence takes tens of ms. */
const MAX_ESPEAK_PROGRAMS = 2;

/**
 * What the runtime runs once for all its call processes instead of once per call: the eSpeak NG
 * programs (about 120 MB each, as much as a call process). A call process asks over its IPC
 * channel; a call process that dies leaves them running for the others.
 */
export class SharedServices {
  private readonly espeak = new EspeakPool(Math.min(MAX_ESPEAK_PROGRAMS, availableParallelism()));

  /** Starts the shared programs now, so the first calls pay no start-up; an optional one missing is not an error. */
  async warm(): Promise<void> {
    await this.espeak.warm().catch(() => {});
  }

  /** Runs one request from a call process; never rejects (failures become the reply). */
  async handle(request: ServiceRequest): Promise<ServiceReply> {
    try {
      const { text, voice, rate, timeoutMs } = request;
      return { ok: true, wav: await this.espeak.synthesize(text, { voice, rate }, timeoutMs) };
    } catch (error) {
      if (error instanceof ProviderError) {
        return { ok: false, provider: error.provider, kind: error.kind, message: error.message };
      }
      return { ok: false, provider: request.kind, kind: 'server', message: String(error) };
    }
  }

  /** OS process ids of the shared programs running now. */
  pids(): number[] {
    return this.espeak.pids();
  }

  /** Stops the shared programs. */
  close(): void {
    this.espeak.close();
  }
}
