'use client';

import { useEffect, useRef } from 'react';

/** Props of one track's waveform. */
export interface WaveformProps {
  label: string;
  samples: Int16Array;
  /** Session time (ms) of the first sample. */
  startMs: number;
  /** Session time shown across the full width. */
  durationMs: number;
  /** Playback position (session ms), drawn as a line. */
  positionMs: number;
  className: string;
}

/** A track's min/max envelope per pixel column, on the review's shared time axis. */
export function Waveform({ label, samples, startMs, durationMs, positionMs, className }: WaveformProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const width = Math.round(element.clientWidth * devicePixelRatio);
    const height = Math.round(element.clientHeight * devicePixelRatio);
    element.width = width;
    element.height = height;
    context.clearRect(0, 0, width, height);
    context.fillStyle = getComputedStyle(element).color;
    const perColumn = ((durationMs / width) * 16000) / 1000;
    const first = ((-startMs / 1000) * 16000) | 0;
    for (let x = 0; x < width; x++) {
      const from = Math.max(0, first + Math.floor(x * perColumn));
      const to = Math.min(samples.length, first + Math.floor((x + 1) * perColumn));
      let lo = 0;
      let hi = 0;
      for (let i = from; i < to; i++) {
        const s = samples[i] as number;
        if (s < lo) lo = s;
        if (s > hi) hi = s;
      }
      const top = height / 2 - (hi / 32768) * (height / 2);
      const bottom = height / 2 - (lo / 32768) * (height / 2);
      context.fillRect(x, top, 1, Math.max(1, bottom - top));
    }
  }, [samples, startMs, durationMs]);
  return (
    <div className={`review-track ${className}`}>
      <span className="review-track-label">{label}</span>
      <canvas ref={canvas} aria-label={`${label} waveform`} role="img" />
      <span className="review-playhead" style={{ left: `${(positionMs / durationMs) * 100}%` }} />
    </div>
  );
}
