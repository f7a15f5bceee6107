import { decodeAgentAudio, type ServerMessage } from '@parley/calls';
import type { SessionEvent } from '@parley/engine';
import WebSocket from 'ws';

/** A caller on a local-mode WebSocket, as a browser would be: keeps all it receives. */
export class CallClient {
  /** Every JSON message received, in order. */
  readonly messages: ServerMessage[] = [];
  /** Agent audio frames received (sample rate and samples). */
  readonly audio: { sampleRate: number; samples: Int16Array; at: number }[] = [];
  readonly socket: WebSocket;
  /** Resolves with the close code and reason once the socket closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (data, isBinary) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      if (isBinary) this.audio.push({ ...decodeAgentAudio(bytes), at: performance.now() });
      else this.messages.push(JSON.parse(bytes.toString('utf8')) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => {
      this.socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.waiters.splice(0)) wake();
      });
    });
    this.socket.on('error', () => {});
  }

  /** Resolves once connected. */
  opened(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('close', () => reject(new Error('socket closed before it opened')));
    });
  }

  /** SessionEvents received so far (call_error and playback messages left out). */
  get events(): SessionEvent[] {
    return this.messages.filter((m): m is SessionEvent => m.type !== 'call_error' && m.type !== 'playback');
  }

  /** Waits until `predicate` holds over what was received; fails after `timeoutMs` saying what was awaited. */
  async waitFor(what: string, predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - performance.now();
      if (left <= 0) {
        const types = this.messages.map((m) => m.type).join(', ');
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received: ${types}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the first event of `type` (after `from` events) and returns it. */
  async event<T extends SessionEvent['type']>(
    type: T,
    timeoutMs = 30_000,
  ): Promise<Extract<SessionEvent, { type: T }>> {
    await this.waitFor(`a ${type} event`, () => this.events.some((e) => e.type === type), timeoutMs);
    return this.events.find((e) => e.type === type) as Extract<SessionEvent, { type: T }>;
  }

  /** Sends a JSON message. */
  sendJson(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  /** Streams 16 kHz PCM in `chunkMs` frames at real time, then `tailMs` of silence (a phone line is never silent-free). */
  async stream(samples: Int16Array, options: { chunkMs?: number; tailMs?: number } = {}): Promise<void> {
    const chunkMs = options.chunkMs ?? 20;
    const chunk = (16000 * chunkMs) / 1000;
    const audio = new Int16Array(samples.length + (16000 * (options.tailMs ?? 1500)) / 1000);
    audio.set(samples);
    const start = performance.now();
    for (let i = 0, n = 0; i < audio.length; i += chunk, n++) {
      if (this.socket.readyState !== WebSocket.OPEN) return;
      this.socket.send(audio.slice(i, i + chunk));
      const due = start + (n + 1) * chunkMs;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    }
  }

  /** Closes the socket (the caller hangs up). */
  close(): void {
    this.socket.close(1000, 'bye');
  }
}
