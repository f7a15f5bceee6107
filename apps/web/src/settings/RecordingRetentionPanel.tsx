'use client';

import { type FormEvent, useEffect, useState } from 'react';
import { request } from '@/src/api/request';

/** How many days the workspace keeps call recordings; the runtime deletes older ones. */
export function RecordingRetentionPanel({ canEdit }: { canEdit: boolean }) {
  const [days, setDays] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void request<{ retentionDays: number }>('GET', '/api/workspace/recordings').then((result) => {
      if (result.ok) setDays(result.data.retentionDays);
      else setMessage(result.error.message);
    });
  }, []);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const retentionDays = Number(new FormData(event.currentTarget).get('days'));
    const result = await request<{ retentionDays: number }>('PUT', '/api/workspace/recordings', { retentionDays });
    if (result.ok) setDays(result.data.retentionDays);
    setMessage(result.ok ? 'Saved.' : result.error.message);
  }

  return (
    <section className="settings-panel" aria-label="Call recordings">
      <h2>Call recordings</h2>
      <p>
        Recordings of calls (flows that record, and test calls with “Record” ticked) are deleted after this many days.
      </p>
      {days !== null && (
        <form onSubmit={save} className="inline-form">
          <label htmlFor="retention-days">Keep recordings for (days)</label>
          <input
            id="retention-days"
            name="days"
            type="number"
            min={1}
            max={3650}
            defaultValue={days}
            disabled={!canEdit}
          />
          {canEdit && <button type="submit">Save</button>}
        </form>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
