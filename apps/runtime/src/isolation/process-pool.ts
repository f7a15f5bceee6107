import type { Logger } from '../log';
import { CallProcess } from './call-process';

/**
 * Hands out warm call processes. Booting one (TypeScript loader, engine, TTS) takes about two
 * seconds, so `spares` are kept started ahead; a call takes one and a new spare boots behind it.
 */
export class ProcessPool {
  private readonly spares: CallProcess[] = [];
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly log: Logger,
  ) {
    this.refill();
  }

  /** A process that is ready for a call: a warm spare if there is one, else a new one once booted. */
  async take(): Promise<CallProcess> {
    if (this.closed) throw new Error('the runtime is shutting down: no new call processes');
    const spare = this.spares.shift();
    this.refill();
    const process = spare ?? new CallProcess();
    await process.ready;
    return process;
  }

  /** Stops the spares; taken processes belong to their calls. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.spares.splice(0).map((spare) => spare.kill()));
  }

  private refill(): void {
    while (!this.closed && this.spares.length < this.size) {
      const spare = new CallProcess();
      this.spares.push(spare);
      let booted = false;
      spare.ready.then(
        () => {
          booted = true;
        },
        (error: unknown) => this.log.error('spare call process failed to boot', { error: String(error) }),
      );
      // A warm spare that dies (killed by an operator, out of memory) is replaced; one that could
      // not boot is not, so a broken install does not fork in a loop (the next take() retries).
      void spare.exited.then(() => {
        const index = this.spares.indexOf(spare);
        if (index < 0) return;
        this.spares.splice(index, 1);
        if (booted) this.refill();
      });
    }
  }
}
