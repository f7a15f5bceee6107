import { type EspeakArgs, type EspeakProcess, startEspeakProcess } from './espeak-process';

/**
 * A few eSpeak NG programs shared by many calls (the runtime's call processes send their
 * sentences here). Each request goes to the program with the shortest queue, so one call's long
 * sentence holds up at most the calls queued behind it on that program; a program that crashes
 * or stalls past its timeout fails only the requests it held and is replaced on the next request.
 */
export class EspeakPool {
  private readonly programs: (EspeakProcess | null)[];

  /** `size` programs at most, started on demand; `program` is the script to run (default: installed `@parley/espeak`). */
  constructor(
    size: number,
    private readonly program?: string,
  ) {
    this.programs = Array.from({ length: Math.max(1, size) }, () => null);
  }

  /** Synthesizes `text` on the least busy program; its WAV file, or a ProviderError. */
  synthesize(text: string, args: EspeakArgs, timeoutMs: number): Promise<Uint8Array> {
    try {
      return this.leastBusy().request(text, args, timeoutMs);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Starts every program and runs each once, so no call pays a program's start-up. */
  async warm(): Promise<void> {
    await Promise.all(
      this.programs.map((_, slot) => this.at(slot).request('Hello.', { voice: 'en-us', rate: 175 }, 10_000)),
    );
  }

  /** OS process ids of the programs running now. */
  pids(): number[] {
    return this.programs.flatMap((running) => (running && !running.exited && running.pid ? [running.pid] : []));
  }

  /** Stops every program. */
  close(): void {
    for (const running of this.programs) running?.stop();
    this.programs.fill(null);
  }

  private leastBusy(): EspeakProcess {
    let best = 0;
    let bestQueue = Number.POSITIVE_INFINITY;
    for (let slot = 0; slot < this.programs.length; slot++) {
      const running = this.programs[slot];
      // An empty slot is a program with nothing queued once started.
      const queue = running && !running.exited ? running.queued : 0;
      if (queue < bestQueue) [best, bestQueue] = [slot, queue];
    }
    return this.at(best);
  }

  /** The program in `slot`, started when there is none or it exited. */
  private at(slot: number): EspeakProcess {
    let running = this.programs[slot];
    if (!running || running.exited) {
      running = startEspeakProcess(this.program);
      this.programs[slot] = running;
    }
    return running;
  }
}
