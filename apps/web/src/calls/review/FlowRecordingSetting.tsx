'use client';

import { useEffect, useState } from 'react';
import { request } from '@/src/api/request';

/**
 * Whether every call of the flow is recorded: a setting of the flow record, saved at once, never
 * in the draft (so it never exports with the flow). Off by default; a test call can still be
 * recorded with the tester's "Record" tick.
 */
export function FlowRecordingSetting({ flowId }: { flowId: string }) {
  const url = `/api/flows/${encodeURIComponent(flowId)}/recording`;
  const [on, setOn] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void request<{ recordCalls: boolean }>('GET', url).then((result) => {
      if (result.ok) setOn(result.data.recordCalls);
      else setProblem(result.error.message);
    });
  }, [url]);

  const change = async (recordCalls: boolean) => {
    setOn(recordCalls);
    const result = await request<{ recordCalls: boolean }>('PUT', url, { recordCalls });
    setProblem(result.ok ? null : result.error.message);
    if (!result.ok) setOn(!recordCalls);
  };

  return (
    <section className="inspector" aria-label="Call recordings">
      <h3>Call recordings</h3>
      <label className="record-calls">
        <input
          type="checkbox"
          checked={on === true}
          disabled={on === null}
          onChange={(event) => void change(event.target.checked)}
        />
        Record every call of this flow
      </label>
      <p className="hint">
        Caller and agent audio, kept for the workspace’s retention (Settings), for review and replay with other turn
        settings. Not part of the flow’s JSON.
      </p>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
