import { ProviderError } from '../errors';
import { type ProviderErrorContext, providerErrorFromStatus, providerTimeoutError } from '../http-errors';
import type { CartesiaContextHandler } from './cartesia-connection';
import { type CartesiaResponse, cartesiaErrorText } from './cartesia-protocol';

/**
 * One generation's audio as it arrives: a queue the socket fills and `audio()` drains, failing
 * with a ProviderError on an error message, a lost socket, or `timeoutMs` of silence.
 */
export class CartesiaContext implements CartesiaContextHandler {
  private readonly chunks: Int16Array[] = [];
  private ended = false;
  private failure: ProviderError | null = null;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | undefined;
  /** True once the server said the context is over (done or error): nothing left to cancel. */
  serverFinished = false;

  constructor(
    private readonly ctx: ProviderErrorContext,
    private readonly timeoutMs: number,
  ) {
    this.arm();
  }

  onMessage(message: CartesiaResponse): void {
    if (this.ended) return;
    this.arm();
    if (message.type === 'chunk') {
      const bytes = Buffer.from(message.data, 'base64');
      if (bytes.length % 2 !== 0) {
        this.fail(
          new ProviderError(this.ctx.provider, 'server', 'Cartesia sent a chunk that is not whole 16-bit samples.'),
        );
        return;
      }
      // Copy into a fresh, aligned buffer: pcm_s16le matches the host byte order on every Node target.
      this.chunks.push(new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)));
      if (message.done) this.finish();
      else this.notify();
    } else if (message.type === 'done') {
      this.finish();
    } else if (message.type === 'error') {
      this.serverFinished = true;
      const status = message.status_code && message.status_code >= 400 ? message.status_code : 500;
      this.fail(providerErrorFromStatus(this.ctx, status, { message: cartesiaErrorText(message) }));
    }
  }

  onLost(error: ProviderError): void {
    this.fail(error);
  }

  /** Ends the queue early (the caller aborted): `audio()` returns after what it already has. */
  stop(): void {
    this.ended = true;
    this.chunks.length = 0;
    clearTimeout(this.timer);
    this.notify();
  }

  /** The chunks in order, as they arrive. */
  async *audio(): AsyncGenerator<Int16Array> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk) yield chunk;
      else if (this.failure) throw this.failure;
      else if (this.ended) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private finish(): void {
    this.serverFinished = true;
    this.ended = true;
    clearTimeout(this.timer);
    this.notify();
  }

  private fail(error: ProviderError): void {
    if (this.ended) return;
    this.failure = error;
    this.ended = true;
    clearTimeout(this.timer);
    this.notify();
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fail(providerTimeoutError(this.ctx, this.timeoutMs)), this.timeoutMs);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
