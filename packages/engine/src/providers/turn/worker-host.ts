import { parentPort, workerData } from 'node:worker_threads';
import { AudioTurnModel } from './audio-model';
import { TextTurnModel } from './text-model';
import type { EndOfTurnModel } from './types';
import type { TurnModelSpec, WorkerReply, WorkerRequest } from './worker-protocol';

/** The worker side: loads one model, then answers predictions one at a time, in order. */
async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('worker-host.ts must run in a worker thread');
  const reply = (message: WorkerReply) => port.postMessage(message);
  const spec = workerData as TurnModelSpec;
  let model: EndOfTurnModel;
  try {
    model = spec.kind === 'text' ? await TextTurnModel.load(spec.path) : await AudioTurnModel.load(spec.path);
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    reply({ type: 'load_failed', name, message });
    return;
  }
  // Requests queued and not cancelled. One inference at a time, so a request the caller gave
  // up on is skipped instead of delaying the next one further.
  const waiting = new Set<number>();
  let queue = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'close') {
      // Exit only between inferences: tearing a thread down inside an ONNX run aborts the process.
      waiting.clear();
      queue = queue.then(async () => {
        await model.close();
        port.close();
      });
      return;
    }
    if (request.type === 'cancel') {
      waiting.delete(request.id);
      return;
    }
    waiting.add(request.id);
    queue = queue.then(async () => {
      if (!waiting.delete(request.id)) return;
      try {
        reply({ type: 'result', id: request.id, probability: await model.predict(request.context) });
      } catch (error) {
        reply({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  reply({ type: 'ready' });
}

await serve();
