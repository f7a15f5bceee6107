'use client';

import { useEffect, useRef } from 'react';

const BARS = 7;
/** The bars are a fixed set, each identified by its place. */
const BAR_IDS = Array.from({ length: BARS }, (_, i) => `bar-${i}`);

/** A small bar visualizer of an audio node's spectrum; flat when there is no analyser. */
export function LevelBars({ analyser, label }: { analyser: AnalyserNode | null; label: string }) {
  const bars = useRef<(HTMLSpanElement | null)[]>([]);

  useEffect(() => {
    if (!analyser) return;
    const bins = new Uint8Array(analyser.frequencyBinCount);
    let frame = 0;
    const draw = () => {
      analyser.getByteFrequencyData(bins);
      // Speech sits in the lower bins: spread the bars over the first half of the spectrum.
      const span = Math.max(1, Math.floor(bins.length / 2 / BARS));
      bars.current.forEach((bar, i) => {
        let sum = 0;
        for (let j = i * span; j < (i + 1) * span; j++) sum += bins[j] ?? 0;
        if (bar) bar.style.transform = `scaleY(${Math.max(0.08, sum / span / 255)})`;
      });
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [analyser]);

  return (
    <div className="level-bars" role="img" aria-label={label}>
      {BAR_IDS.map((id, i) => (
        <span
          key={id}
          ref={(el) => {
            bars.current[i] = el;
          }}
        />
      ))}
    </div>
  );
}
