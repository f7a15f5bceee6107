'use client';

import type { PlaybackStats } from '../audio/agent-player';

/**
 * How much agent audio actually reached the speaker, and how soon: the first thing to check
 * when "I hear nothing". The data attributes carry the raw counts for automated checks.
 */
export function PlaybackMeter({ stats, firstAudioMs }: { stats: PlaybackStats | null; firstAudioMs: number | null }) {
  const played = stats ? stats.soundingSamples / stats.sampleRate : 0;
  const buffered = stats ? (stats.queuedSamples / stats.sampleRate) * 1000 : 0;
  return (
    <p
      className="playback-meter hint"
      data-testid="playback-meter"
      data-sounding-samples={stats?.soundingSamples ?? 0}
      data-sample-rate={stats?.sampleRate ?? 0}
      data-buffered-ms={Math.round(buffered)}
      data-first-audio-ms={firstAudioMs === null ? '' : Math.round(firstAudioMs)}
    >
      Agent audio: {played.toFixed(1)} s heard, {Math.round(buffered)} ms buffered
      {firstAudioMs !== null && <> · first audio {Math.round(firstAudioMs)} ms after Start</>}
    </p>
  );
}
