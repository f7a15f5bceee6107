'use client';

import type { TurnMetrics } from '@parley/engine';

const series = [
  { key: 'endOfUtteranceDelay', label: 'End of utterance', color: '#748ffc' },
  { key: 'llmTtft', label: 'LLM first token', color: '#20c997' },
  { key: 'ttsTtfb', label: 'TTS first byte', color: '#fab005' },
  { key: 'voiceToVoice', label: 'Voice to voice', color: '#e64980' },
] as const;

const HEIGHT = 110;
const BAR = 7;
const GAP = 10;

/** Per-turn latency as grouped bars (ms); a missing measure (no LLM call in a turn) leaves a gap. */
export function LatencyChart({ turns }: { turns: TurnMetrics[] }) {
  if (turns.length === 0) return <p className="hint tester-empty">Latency appears after the agent's first reply.</p>;
  const max = Math.max(100, ...turns.flatMap((turn) => series.map((s) => turn[s.key] ?? 0)));
  const groupWidth = series.length * BAR + GAP;
  const width = Math.max(200, turns.length * groupWidth + 30);
  return (
    <figure className="latency-chart">
      <svg width={width} height={HEIGHT + 18} role="img" aria-label="Latency per turn">
        <text x={0} y={10} className="axis">
          {Math.round(max)} ms
        </text>
        {turns.map((turn, i) =>
          series.map((s, j) => {
            const value = turn[s.key];
            if (value === null) return null;
            const h = (value / max) * (HEIGHT - 14);
            return (
              <rect
                key={`${turn.turn}-${s.key}`}
                x={30 + i * groupWidth + j * BAR}
                y={HEIGHT - h}
                width={BAR - 1}
                height={h}
                fill={s.color}
              >
                <title>{`Turn ${turn.turn} (${turn.agentId}): ${s.label} ${Math.round(value)} ms`}</title>
              </rect>
            );
          }),
        )}
        {turns.map((turn, i) => (
          <text key={turn.turn} x={30 + i * groupWidth} y={HEIGHT + 14} className="axis">
            {turn.turn}
          </text>
        ))}
      </svg>
      <figcaption className="legend">
        {series.map((s) => (
          <span key={s.key}>
            <i style={{ background: s.color }} /> {s.label}
          </span>
        ))}
      </figcaption>
      <table className="sr-only">
        <caption>Latency per turn in milliseconds</caption>
        <thead>
          <tr>
            <th>Turn</th>
            {series.map((s) => (
              <th key={s.key}>{s.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {turns.map((turn) => (
            <tr key={turn.turn}>
              <td>{turn.turn}</td>
              {series.map((s) => (
                <td key={s.key}>{turn[s.key] === null ? '—' : Math.round(turn[s.key] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
