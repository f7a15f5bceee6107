'use client';

import type { CallView } from './call-view';
import { LatencyChart } from './LatencyChart';
import { ProbabilityPlot } from './ProbabilityPlot';
import { Timeline } from './Timeline';
import { Transcript } from './Transcript';

/** Transcript, timeline, latency and probabilities of one call: live or replayed. */
export function CallDetails({
  view,
  agentName,
  transcriptEmpty,
  userLabel,
}: {
  view: CallView;
  agentName: (id: string | undefined) => string;
  transcriptEmpty: string;
  /** Who the user side of the transcript is (default "You"). */
  userLabel?: string;
}) {
  return (
    <div className="call-details">
      <section aria-labelledby="tester-transcript">
        <h3 id="tester-transcript">Transcript</h3>
        <Transcript lines={view.transcript} agentName={agentName} emptyText={transcriptEmpty} userLabel={userLabel} />
      </section>
      <section aria-labelledby="tester-timeline">
        <h3 id="tester-timeline">Timeline</h3>
        <Timeline entries={view.timeline} />
      </section>
      <section aria-labelledby="tester-latency">
        <h3 id="tester-latency">Latency per turn</h3>
        <LatencyChart turns={view.turns} />
      </section>
      <section aria-labelledby="tester-probability">
        <h3 id="tester-probability">Speech and end of turn</h3>
        <ProbabilityPlot vad={view.vad} endOfTurn={view.endOfTurn} threshold={view.threshold} now={view.t} />
      </section>
    </div>
  );
}
