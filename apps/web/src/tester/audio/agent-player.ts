import { LinearResampler } from './linear-resampler';
import { loadWorklet, PLAYBACK_PROCESSOR, playbackWorkletSource } from './worklet-sources';

/** What the playback node reports: samples output, how many of them were not silent, and what waits. */
export interface PlaybackStats {
  playedSamples: number;
  soundingSamples: number;
  queuedSamples: number;
  sampleRate: number;
}

/**
 * Plays agent audio as it arrives, with no jitter buffer beyond the frames themselves (the
 * runtime paces them at real time), and obeys the runtime's playback commands at once.
 */
export class AgentPlayer {
  /** The output's level, for the visualizer. */
  readonly analyser: AnalyserNode;
  private resampler: LinearResampler | null = null;
  private stats: PlaybackStats;
  private readonly listeners = new Set<(stats: PlaybackStats) => void>();

  private constructor(
    private readonly context: AudioContext,
    private readonly node: AudioWorkletNode,
    onFirstSound: () => void,
  ) {
    this.stats = { playedSamples: 0, soundingSamples: 0, queuedSamples: 0, sampleRate: context.sampleRate };
    this.analyser = context.createAnalyser();
    this.analyser.fftSize = 256;
    node.connect(this.analyser);
    node.connect(context.destination);
    node.port.onmessage = (event: MessageEvent<{ type: string } & Partial<PlaybackStats>>) => {
      if (event.data.type === 'first_sound') onFirstSound();
      if (event.data.type !== 'stats') return;
      this.stats = { ...this.stats, ...event.data };
      for (const listener of this.listeners) listener(this.stats);
    };
  }

  /** Creates the playback node in `context`; `onFirstSound` fires when the first non-silent sample is output. */
  static async create(context: AudioContext, onFirstSound: () => void): Promise<AgentPlayer> {
    await loadWorklet(context, playbackWorkletSource);
    const node = new AudioWorkletNode(context, PLAYBACK_PROCESSOR, { numberOfInputs: 0, outputChannelCount: [1] });
    return new AgentPlayer(context, node, onFirstSound);
  }

  /** Queues one frame of agent audio (s16 at `sampleRate`). */
  play(samples: Int16Array, sampleRate: number): void {
    if (this.resampler?.fromRate !== sampleRate) {
      this.resampler = new LinearResampler(sampleRate, this.context.sampleRate);
    }
    const chunk = this.resampler.push(samples);
    this.node.port.postMessage({ type: 'chunk', samples: chunk }, [chunk.buffer]);
  }

  /** Obeys a playback command from the runtime: clear drops everything queued at once. */
  control(action: 'clear' | 'pause' | 'resume'): void {
    this.node.port.postMessage({ type: action });
  }

  /** The latest stats. */
  current(): PlaybackStats {
    return this.stats;
  }

  /** Calls `listener` on every stats report (about 10 per second); returns the unsubscribe. */
  subscribe(listener: (stats: PlaybackStats) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops playback and detaches the node. */
  close(): void {
    this.node.port.postMessage({ type: 'clear' });
    this.node.disconnect();
    this.analyser.disconnect();
    this.listeners.clear();
  }
}
