'use client';

import type { ProbabilityPoint } from './call-view';

const WIDTH = 320;
const HEIGHT = 70;
/** The plot shows the latest window of the call. */
const WINDOW_MS = 20_000;

function polyline(points: ProbabilityPoint[], from: number): string {
  return points
    .filter((p) => p.t >= from)
    .map((p) => `${(((p.t - from) / WINDOW_MS) * WIDTH).toFixed(1)},${(HEIGHT - p.p * HEIGHT).toFixed(1)}`)
    .join(' ');
}

/** Speech (VAD) and end-of-turn probability over the last 20 s, with the end-of-turn threshold. */
export function ProbabilityPlot({
  vad,
  endOfTurn,
  threshold,
  now,
}: {
  vad: ProbabilityPoint[];
  endOfTurn: ProbabilityPoint[];
  threshold: number | null;
  now: number;
}) {
  if (vad.length === 0 && endOfTurn.length === 0) {
    return <p className="hint tester-empty">Speech and end-of-turn probabilities appear once audio flows.</p>;
  }
  const from = Math.max(0, now - WINDOW_MS);
  return (
    <figure className="probability-plot">
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label="Speech and end-of-turn probability over time">
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="plot-bg" />
        {threshold !== null && (
          <line
            x1={0}
            x2={WIDTH}
            y1={HEIGHT - threshold * HEIGHT}
            y2={HEIGHT - threshold * HEIGHT}
            className="threshold"
          />
        )}
        <polyline points={polyline(vad, from)} className="vad-line" fill="none" />
        <polyline points={polyline(endOfTurn, from)} className="eot-line" fill="none" />
      </svg>
      <figcaption className="legend">
        <span>
          <i className="vad-swatch" /> Speech (VAD)
        </span>
        <span>
          <i className="eot-swatch" /> End of turn{threshold !== null ? ` (threshold ${threshold})` : ''}
        </span>
      </figcaption>
    </figure>
  );
}
