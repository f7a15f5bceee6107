/**
 * AudioWorklet processors, as source text loaded through a Blob URL: worklet modules must be
 * separate scripts, and a string keeps them inside the app bundle with no extra build step.
 */

/**
 * Capture: the microphone at the context's rate -> 16 kHz mono s16, posted as 20 ms frames.
 * Downsampling averages the input over each output sample's span (a box low-pass), enough to
 * keep speech intelligible without aliasing from the band above 8 kHz dominating.
 */
export const CAPTURE_PROCESSOR = 'parley-capture';
export const captureWorkletSource = `
class ParleyCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / 16000;
    this.frame = new Int16Array(320);
    this.filled = 0;
    this.sum = 0;
    this.count = 0;
    this.position = 0;
    this.muted = false;
    this.port.onmessage = (event) => { this.muted = event.data.muted; };
  }
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    for (let i = 0; i < channel.length; i++) {
      this.sum += this.muted ? 0 : channel[i];
      this.count++;
      this.position++;
      if (this.position >= this.step) {
        this.position -= this.step;
        const value = Math.max(-1, Math.min(1, this.sum / this.count));
        this.frame[this.filled++] = value < 0 ? value * 32768 : value * 32767;
        this.sum = 0;
        this.count = 0;
        if (this.filled === this.frame.length) {
          this.port.postMessage(this.frame.buffer, [this.frame.buffer]);
          this.frame = new Int16Array(320);
          this.filled = 0;
        }
      }
    }
    return true;
  }
}
registerProcessor('${'parley-capture'}', ParleyCapture);
`;

/**
 * Playback: a queue of float chunks at the context's rate, played in order. 'clear' drops the
 * queue at once (interruption), 'pause'/'resume' hold it (a possible false interruption). It
 * reports how much non-silent audio it has output, so the page can show (and tests can read)
 * that agent audio really reached the speaker.
 */
export const PLAYBACK_PROCESSOR = 'parley-playback';
export const playbackWorkletSource = `
class ParleyPlayback extends AudioWorkletProcessor {
  constructor() {
    super();
    this.queue = [];
    this.offset = 0;
    this.queued = 0;
    this.paused = false;
    this.sounding = 0;
    this.played = 0;
    this.reported = false;
    this.quanta = 0;
    this.port.onmessage = (event) => {
      const message = event.data;
      if (message.type === 'chunk') { this.queue.push(message.samples); this.queued += message.samples.length; }
      else if (message.type === 'clear') { this.queue = []; this.offset = 0; this.queued = 0; this.paused = false; this.report(); }
      else if (message.type === 'pause') this.paused = true;
      else if (message.type === 'resume') this.paused = false;
    };
  }
  report() {
    this.port.postMessage({ type: 'stats', soundingSamples: this.sounding, playedSamples: this.played, queuedSamples: this.queued });
  }
  process(_inputs, outputs) {
    const out = outputs[0][0];
    let wrote = 0;
    while (!this.paused && wrote < out.length && this.queue.length > 0) {
      const head = this.queue[0];
      const take = Math.min(out.length - wrote, head.length - this.offset);
      for (let i = 0; i < take; i++) {
        const sample = head[this.offset + i];
        out[wrote + i] = sample;
        if (sample > 0.001 || sample < -0.001) this.sounding++;
      }
      wrote += take;
      this.offset += take;
      this.queued -= take;
      this.played += take;
      if (this.offset >= head.length) { this.queue.shift(); this.offset = 0; }
    }
    for (let c = 1; c < outputs[0].length; c++) outputs[0][c].set(out);
    if (!this.reported && this.sounding > 0) { this.reported = true; this.port.postMessage({ type: 'first_sound' }); }
    if (++this.quanta % 32 === 0) this.report();
    return true;
  }
}
registerProcessor('${'parley-playback'}', ParleyPlayback);
`;

/** Loads a processor's source into `context` (once per context). */
export async function loadWorklet(context: AudioContext, source: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([source], { type: 'application/javascript' }));
  try {
    await context.audioWorklet.addModule(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}
