'use client';

import { useCallback, useEffect, useState } from 'react';
import { type WebhookDelivery, webhooksApi } from '@/src/api/webhooks-api';
import './webhooks.css';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; deliveries: WebhookDelivery[] };

const time = (iso: string) => new Date(iso).toLocaleTimeString('en');

/**
 * A call's post-call webhook deliveries: status, attempts, the last answer or error, and every
 * attempt. Self-contained (it loads by call id), so any call view can include it.
 */
export function CallWebhooks({ callId }: { callId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  const load = useCallback(async () => {
    const result = await webhooksApi.deliveries(callId);
    setLoaded(result.ok ? { kind: 'ready', ...result.data } : { kind: 'error', message: result.error.message });
  }, [callId]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="call-webhooks" aria-label="Webhook">
      <h4>Webhook</h4>
      {loaded.kind === 'loading' && <p className="hint">Loading deliveries…</p>}
      {loaded.kind === 'error' && (
        <p className="tester-problem" role="alert">
          {loaded.message}
        </p>
      )}
      {loaded.kind === 'ready' && loaded.deliveries.length === 0 && (
        <p className="hint">No post-call webhook was sent for this call (the flow had none when it ended).</p>
      )}
      {loaded.kind === 'ready' &&
        loaded.deliveries.map((delivery) => (
          <div
            key={delivery.id}
            className={`webhook-delivery status-${delivery.status}`}
            data-testid="webhook-delivery"
          >
            <p>
              <strong>{delivery.status}</strong> to <code>{delivery.url}</code> after {delivery.attempts} attempt
              {delivery.attempts === 1 ? '' : 's'}
              {delivery.responseStatus !== null && <> (last answer HTTP {delivery.responseStatus})</>}
              {delivery.status === 'pending' && delivery.nextAttemptAt && (
                <>; next attempt {time(delivery.nextAttemptAt)}</>
              )}
            </p>
            {delivery.lastError && delivery.status !== 'delivered' && (
              <p className="tester-problem">{delivery.lastError}</p>
            )}
            {delivery.log.length > 0 && (
              <ol className="webhook-attempts">
                {delivery.log.map((attempt) => (
                  <li key={attempt.at}>
                    {time(attempt.at)}:{' '}
                    {attempt.responseStatus === undefined ? 'no answer' : `HTTP ${attempt.responseStatus}`}
                    {attempt.error && attempt.responseStatus === undefined && ` — ${attempt.error}`} ({attempt.ms} ms)
                  </li>
                ))}
              </ol>
            )}
          </div>
        ))}
      {loaded.kind === 'ready' && (
        <button type="button" onClick={() => void load()}>
          Refresh deliveries
        </button>
      )}
    </section>
  );
}
