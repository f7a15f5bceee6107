'use client';

import type { CallSummary } from '@/src/api/types';
import { formatDuration, formatWhen, sourceLabels } from './format';

/** Where a call came from and how it went: source, caller, room, times and the call's id. */
export function CallFacts({ call }: { call: CallSummary }) {
  const facts: [string, string][] = [
    ['Source', sourceLabels[call.source] ?? call.source],
    ['Caller', call.callerIdentity ?? '—'],
    ['Room', call.room ?? (call.mode === 'local' ? 'Local (browser WebSocket)' : '—')],
    ['Started', formatWhen(call.startedAt)],
    ['Ended', formatWhen(call.endedAt)],
    ['Duration', formatDuration(call.durationMs)],
    ['Created', formatWhen(call.createdAt)],
    ['Call id', call.id],
  ];
  return (
    <section className="call-section" aria-labelledby="call-facts">
      <h2 id="call-facts">Call</h2>
      <dl className="call-facts">
        {facts.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd data-testid={`call-fact-${name.toLowerCase().replace(/ /g, '-')}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
