import { AudioStream, type Track } from '@livekit/rtc-node';
import { ENGINE_INPUT_RATE, type PcmFrame } from '@parley/engine';
import type { Logger } from '../log';
import { toPcmFrame } from './pcm-frames';

/** A running read of the caller's track. */
export interface CallerAudio {
  /** Stops reading; resolves once the stream is released. */
  stop(): Promise<void>;
  /** Resolves when reading ends (stopped, or the track went away). */
  readonly done: Promise<void>;
}

/**
 * Reads an audio track as 16 kHz mono frames (rtc-node converts natively, whatever the
 * caller's codec rate and channels) and hands each to `onFrame`.
 */
export function readCallerAudio(track: Track, onFrame: (frame: PcmFrame) => void, log: Logger): CallerAudio {
  const reader = new AudioStream(track, { sampleRate: ENGINE_INPUT_RATE, numChannels: 1 }).getReader();
  const done = (async () => {
    try {
      for (;;) {
        const { done: ended, value } = await reader.read();
        if (ended) return;
        onFrame(toPcmFrame(value));
      }
    } catch (error) {
      log.warn('caller audio stream failed', { error: String(error) });
    }
  })();
  return {
    done,
    stop: async () => {
      // cancel() rejects when the stream already failed; that failure was logged above.
      await reader.cancel().catch(() => undefined);
      await done;
    },
  };
}
