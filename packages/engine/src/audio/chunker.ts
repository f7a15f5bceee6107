/**
 * Re-frames a stream of arbitrarily sized Int16 chunks into windows of exactly `size` samples.
 * Models such as Silero need fixed windows while transports deliver whatever they receive.
 */
export class Chunker {
  private pending: Int16Array;
  private filled = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size <= 0)
      throw new RangeError(`chunk size must be a positive integer, got ${size}`);
    this.pending = new Int16Array(size);
  }

  /** Adds samples; returns every full window now available, oldest first (each a fresh array). */
  push(samples: Int16Array): Int16Array[] {
    const windows: Int16Array[] = [];
    let offset = 0;
    while (offset < samples.length) {
      const take = Math.min(this.size - this.filled, samples.length - offset);
      this.pending.set(samples.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.size) {
        windows.push(this.pending);
        this.pending = new Int16Array(this.size);
        this.filled = 0;
      }
    }
    return windows;
  }

  /** Samples waiting for a full window. */
  get buffered(): number {
    return this.filled;
  }

  /** Returns the partial window (possibly empty) and empties the chunker. */
  flush(): Int16Array {
    const rest = this.pending.slice(0, this.filled);
    this.filled = 0;
    return rest;
  }
}
