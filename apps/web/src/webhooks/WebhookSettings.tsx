'use client';

import { useCallback, useEffect, useState } from 'react';
import { webhooksApi } from '@/src/api/webhooks-api';
import './webhooks.css';

type Loaded = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; url: string | null };

/**
 * The flow's post-call webhook: where Parley POSTs each finished call, and the signing secret the
 * receiver checks (revealed on request, copied, rotated). Self-contained: it loads and saves its
 * own state through the webhook API, apart from the draft.
 */
export function WebhookSettings({ flowId }: { flowId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await webhooksApi.get(flowId);
    if (!result.ok) return setLoaded({ kind: 'error', message: result.error.message });
    setLoaded({ kind: 'ready', url: result.data.webhook?.url ?? null });
    setUrl(result.data.webhook?.url ?? '');
  }, [flowId]);

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    const problem = await action();
    if (problem) setMessage({ text: problem, problem: true });
    setBusy(false);
  };

  const save = () =>
    run(async () => {
      const result = await webhooksApi.set(flowId, { url: url.trim() });
      if (!result.ok) return result.error.message;
      setLoaded({ kind: 'ready', url: result.data.webhook?.url ?? null });
      setMessage({ text: 'Webhook saved.', problem: false });
      return null;
    });

  const reveal = () =>
    run(async () => {
      const result = await webhooksApi.revealSecret(flowId);
      if (!result.ok) return result.error.message;
      setSecret(result.data.secret);
      return null;
    });

  const rotate = () =>
    run(async () => {
      if (!window.confirm('Make a new signing secret? Deliveries are signed with it from now on.')) return null;
      const result = await webhooksApi.rotateSecret(flowId);
      if (!result.ok) return result.error.message;
      setSecret(result.data.secret);
      setMessage({ text: 'New signing secret made; update your receiver.', problem: false });
      return null;
    });

  const copy = () =>
    run(async () => {
      if (!secret) return null;
      try {
        await navigator.clipboard.writeText(secret);
        setMessage({ text: 'Signing secret copied.', problem: false });
        return null;
      } catch {
        return 'The browser did not allow copying; select the secret and copy it by hand.';
      }
    });

  const remove = () =>
    run(async () => {
      if (!window.confirm('Remove the webhook? Calls ending from now on are not sent anywhere.')) return null;
      const result = await webhooksApi.remove(flowId);
      if (!result.ok) return result.error.message;
      setLoaded({ kind: 'ready', url: null });
      setUrl('');
      setSecret(null);
      setMessage({ text: 'Webhook removed.', problem: false });
      return null;
    });

  return (
    <section className="inspector webhook-settings" aria-label="Post-call webhook">
      <h3>Post-call webhook</h3>
      <p className="hint">
        When a call of this flow ends, Parley POSTs its transcript, tool calls and metrics here, signed with the secret
        below (header Parley-Signature).
      </p>
      {loaded.kind === 'loading' && <p className="hint">Loading…</p>}
      {loaded.kind === 'error' && (
        <p className="tester-problem" role="alert">
          {loaded.message}
        </p>
      )}
      {loaded.kind === 'ready' && (
        <>
          <div className="field">
            <label htmlFor="webhook-url">Webhook URL</label>
            <input
              id="webhook-url"
              type="url"
              placeholder="https://example.com/hooks/parley"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
            />
          </div>
          <div className="row-actions">
            <button type="button" disabled={busy || url.trim() === '' || url.trim() === loaded.url} onClick={save}>
              {loaded.url ? 'Save URL' : 'Add webhook'}
            </button>
            {loaded.url && (
              <button type="button" disabled={busy} onClick={remove}>
                Remove webhook
              </button>
            )}
          </div>
          {loaded.url && (
            <div className="field">
              <span className="field-label">Signing secret</span>
              {secret ? (
                <code className="webhook-secret" data-testid="webhook-secret">
                  {secret}
                </code>
              ) : (
                <code className="webhook-secret">whsec_••••••••</code>
              )}
              <div className="row-actions">
                {secret ? (
                  <>
                    <button type="button" disabled={busy} onClick={copy}>
                      Copy
                    </button>
                    <button type="button" onClick={() => setSecret(null)}>
                      Hide
                    </button>
                  </>
                ) : (
                  <button type="button" disabled={busy} onClick={reveal}>
                    Reveal
                  </button>
                )}
                <button type="button" disabled={busy} onClick={rotate}>
                  Rotate
                </button>
              </div>
            </div>
          )}
        </>
      )}
      {message && (
        <p className={message.problem ? 'tester-problem' : 'hint'} role={message.problem ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
