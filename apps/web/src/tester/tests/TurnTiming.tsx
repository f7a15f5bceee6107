'use client';

import type { VoiceTurnReport } from '@parley/engine';

/**
 * One spoken turn on a time line: the caller's words, the pauses the line marked, the agent's
 * speech and each end-of-turn decision, so a cut-off shows as a decision inside a pause.
 */
export function TurnTiming({ voice }: { voice: VoiceTurnReport }) {
  const from = voice.startedAt;
  const ends = [
    ...voice.callerSpeech.map((s) => s.to),
    ...voice.agentSpeech.map((s) => s.to),
    ...voice.endOfTurns,
    from + 1000,
  ];
  const to = Math.max(...ends);
  const span = to - from;
  const pos = (t: number) => `${(((Math.max(from, t) - from) / span) * 100).toFixed(2)}%`;
  const width = (a: number, b: number) => `${(((Math.min(b, to) - Math.max(a, from)) / span) * 100).toFixed(2)}%`;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return (
    <figure className="turn-timing">
      <div
        className="turn-timing-strip"
        role="img"
        aria-label={`Turn timing: ${describe(voice)}`}
        title={`${seconds(span)} from the caller's first sound`}
      >
        {voice.callerSpeech.map((s) => (
          <span key={`c${s.from}`} className="tt caller" style={{ left: pos(s.from), width: width(s.from, s.to) }} />
        ))}
        {voice.pauses.map((s) => (
          <span key={`p${s.from}`} className="tt pause" style={{ left: pos(s.from), width: width(s.from, s.to) }} />
        ))}
        {voice.agentSpeech.map((s) => (
          <span key={`a${s.from}`} className="tt agent" style={{ left: pos(s.from), width: width(s.from, s.to) }} />
        ))}
        {voice.endOfTurns.map((t) => (
          <span key={`e${t}`} className="tt end-of-turn" style={{ left: pos(t) }} />
        ))}
      </div>
      <figcaption className="turn-timing-legend">
        <span className="key caller">caller</span> <span className="key pause">marked pause</span>{' '}
        <span className="key agent">agent</span> <span className="key end-of-turn">end of turn</span>
        {voice.responseDelayMs !== null && <span> · response delay {voice.responseDelayMs} ms</span>}
      </figcaption>
    </figure>
  );
}

function describe(voice: VoiceTurnReport): string {
  const parts = [`caller spoke ${voice.callerSpeech.length} time(s)`];
  if (voice.pauses.length > 0) parts.push(`${voice.pauses.length} marked pause(s)`);
  parts.push(`${voice.endOfTurns.length} end-of-turn decision(s)`);
  if (voice.cutOffs.length > 0) parts.push(`${voice.cutOffs.length} inside a pause`);
  if (voice.responseDelayMs !== null) parts.push(`response after ${voice.responseDelayMs} ms`);
  return parts.join(', ');
}
