import { Worker } from 'node:worker_threads';
import { TurnModelSetupError } from './model-files';
import type { TurnModelRunner } from './model-runner';
import type { EndOfTurnContext } from './types';
import { turnWorkerEntry } from './worker-entry-url';
import type { TurnModelSpec, WorkerReply, WorkerRequest } from './worker-protocol';

interface Pending {
  resolve(probability: number | undefined): void;
  reject(error: unknown): void;
}

/**
 * An ONNX end-of-turn model running in a worker thread, so tokenizing, feature extraction and
 * inference never hold up the session's audio loop. The worker starts from turnWorkerEntry: the
 * tsx-registering worker-entry.mjs from source, the bundled worker in the runtime's build.
 */
/** How long close() lets a worker finish its inference before terminating it anyway. */
const CLOSE_GRACE_MS = 5000;

export class TurnModelWorker implements TurnModelRunner {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | undefined;
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        this.fail(new Error(`turn model worker exited (code ${code})`));
        resolve();
      }),
    );
  }

  /** False once the worker died or was closed: every prediction now rejects. */
  get alive(): boolean {
    return this.failure === undefined;
  }

  /** Starts a worker and waits until its model is loaded; rejects with the load error. */
  static start(spec: TurnModelSpec): Promise<TurnModelWorker> {
    const worker = new Worker(turnWorkerEntry, { workerData: spec });
    return new Promise((resolve, reject) => {
      const cleanUp = () => {
        worker.off('message', onFirst);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onFirst = (reply: WorkerReply) => {
        cleanUp();
        if (reply.type === 'ready') {
          // An idle, forgotten detector must not keep the process alive; a pending prediction holds a timer.
          worker.unref();
          return resolve(new TurnModelWorker(worker));
        }
        void worker.terminate();
        if (reply.type !== 'load_failed') return reject(new Error(`turn model worker sent ${reply.type} first`));
        reject(
          reply.name === 'TurnModelSetupError' ? new TurnModelSetupError(reply.message) : new Error(reply.message),
        );
      };
      const onError = (error: Error) => {
        cleanUp();
        reject(error);
      };
      const onExit = (code: number) => onError(new Error(`turn model worker exited while loading (code ${code})`));
      worker.on('message', onFirst);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }

  /**
   * The model's probability, or undefined if it did not answer within `timeoutMs` (the caller
   * then treats the turn as undetermined). Rejects with the signal's reason when aborted and
   * with an Error when inference failed or the worker died.
   */
  predict(context: EndOfTurnContext, timeoutMs: number, signal?: AbortSignal): Promise<number | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    if (signal?.aborted) return Promise.reject(signal.reason);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.pending.delete(id);
      };
      const giveUp = () => {
        settle();
        this.send({ type: 'cancel', id });
      };
      const onAbort = () => {
        giveUp();
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        giveUp();
        resolve(undefined);
      }, timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (probability) => {
          settle();
          resolve(probability);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      this.send({ type: 'predict', id, context });
    });
  }

  /**
   * Stops the worker; pending predictions reject. The worker finishes the inference under way
   * and exits by itself (terminating it mid-run aborts the whole process inside onnxruntime);
   * only a worker stuck past CLOSE_GRACE_MS is terminated.
   */
  async close(): Promise<void> {
    this.fail(new Error('turn model worker closed'));
    this.worker.postMessage({ type: 'close' } satisfies WorkerRequest);
    const grace = setTimeout(() => void this.worker.terminate(), CLOSE_GRACE_MS);
    await this.exited;
    clearTimeout(grace);
  }

  private send(request: WorkerRequest): void {
    if (!this.failure) this.worker.postMessage(request);
  }

  private onReply(reply: WorkerReply): void {
    if (reply.type !== 'result' && reply.type !== 'failed') return;
    const pending = this.pending.get(reply.id);
    if (reply.type === 'result') pending?.resolve(reply.probability);
    else pending?.reject(new Error(`turn model failed: ${reply.message}`));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of [...this.pending.values()]) pending.reject(this.failure);
  }
}
