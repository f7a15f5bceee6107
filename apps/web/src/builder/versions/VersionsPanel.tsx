'use client';

import type { FlowSpec, ValidationIssue } from '@parley/engine/flow';
import { useCallback, useEffect, useState } from 'react';
import { flowsApi } from '@/src/api/flows-api';
import type { FlowWithIssues, VersionSummary } from '@/src/api/types';
import { withContentKeys } from '../../lists/content-keys';
import { DiffView } from './DiffView';
import { diffSpecs, type SpecDiff } from './spec-diff';

/** Props of the versions panel. */
export interface VersionsPanelProps {
  flowId: string;
  draft: FlowSpec;
  /** Saves pending draft edits; resolves false when that failed. */
  flush: () => Promise<boolean>;
  /** Current draft revision (restore replaces the draft at this revision). */
  revision: number;
  /** Called with the flow after a restore replaced its draft. */
  onRestored: (flow: FlowWithIssues) => void;
  /** Names of scenarios that did not pass on their latest run: publishing asks first. */
  failedScenarios?: readonly string[];
}

const DRAFT = 'draft';

/** Publish, the version history with the live one marked, rollback, restore, read-only view and diffs. */
export function VersionsPanel({
  flowId,
  draft,
  flush,
  revision,
  onRestored,
  failedScenarios = [],
}: VersionsPanelProps) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [refused, setRefused] = useState<ValidationIssue[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(DRAFT);
  const [diff, setDiff] = useState<SpecDiff | null>(null);

  const load = useCallback(async () => {
    const result = await flowsApi.versions(flowId);
    if (result.ok) {
      setVersions(result.data.versions);
      setLoadError(null);
    } else setLoadError(result.error.message);
  }, [flowId]);

  useEffect(() => {
    void load();
  }, [load]);

  const publish = async () => {
    if (
      failedScenarios.length > 0 &&
      !window.confirm(
        `${failedScenarios.length} scenario(s) failed on their latest run: ${failedScenarios.join(', ')}. Publish anyway?`,
      )
    ) {
      return;
    }
    setBusy(true);
    setMessage(null);
    setRefused([]);
    if (await flush()) {
      const result = await flowsApi.publish(flowId, { note });
      if (result.ok) {
        setNote('');
        setMessage(`Published version ${result.data.version.number}; it is now live.`);
        await load();
      } else {
        setMessage(result.error.message);
        setRefused(result.error.issues ?? []);
      }
    } else setMessage('Save the draft first: it could not be saved.');
    setBusy(false);
  };

  const rollback = async (version: VersionSummary) => {
    if (!window.confirm(`Make version ${version.number} live? Calls will use it from now on.`)) return;
    const result = await flowsApi.rollback(flowId, { number: version.number });
    setMessage(result.ok ? `Version ${version.number} is live again.` : result.error.message);
    await load();
  };

  const restore = async (version: VersionSummary) => {
    if (!window.confirm(`Replace the draft with version ${version.number}? Unpublished changes are lost.`)) return;
    if (!(await flush())) return;
    const result = await flowsApi.restore(flowId, { number: version.number, revision });
    if (result.ok) onRestored(result.data);
    else setMessage(result.error.message);
  };

  const specOf = async (choice: string): Promise<FlowSpec | null> => {
    if (choice === DRAFT) return draft;
    const result = await flowsApi.version(flowId, Number(choice));
    return result.ok ? result.data.version.spec : null;
  };

  const compare = async () => {
    const [before, after] = await Promise.all([specOf(from), specOf(to)]);
    if (before && after) setDiff(diffSpecs(before, after));
    else setMessage('Could not load those versions.');
  };

  const choices = [
    { value: DRAFT, label: 'Current draft' },
    ...(versions ?? []).map((v) => ({ value: String(v.number), label: `Version ${v.number}` })),
  ];

  return (
    <section className="inspector versions" aria-label="Versions">
      <h2>Versions</h2>
      <div className="field">
        <label htmlFor="publish-note">Publish note</label>
        <input
          id="publish-note"
          value={note}
          maxLength={2000}
          placeholder="What changed?"
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <button type="button" className="primary" disabled={busy} onClick={() => void publish()}>
        Publish
      </button>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {refused.length > 0 && (
        <ul className="refused" aria-label="Problems blocking publish">
          {withContentKeys(refused, (issue) => `${issue.code}:${issue.target.path}:${issue.message}`).map(
            ([key, issue]) => (
              <li key={key} className={issue.severity}>
                {issue.message}
              </li>
            ),
          )}
        </ul>
      )}

      <h3>History</h3>
      {loadError && (
        <p className="form-error">
          {loadError}{' '}
          <button type="button" onClick={() => void load()}>
            Retry
          </button>
        </p>
      )}
      {versions === null && !loadError && <p className="hint">Loading versions…</p>}
      {versions?.length === 0 && <p className="hint">Nothing published yet.</p>}
      <ul className="version-list">
        {versions?.map((version) => (
          <li key={version.id} className="version-row" data-testid={`version-${version.number}`}>
            <div>
              <strong>Version {version.number}</strong> {version.live && <span className="badge live">Live</span>}{' '}
              <span className="hint">
                {version.kind} · {new Date(version.createdAt).toLocaleString('en')}
              </span>{' '}
              {version.tests && (
                <span
                  className={`badge ${version.tests.passed === version.tests.total ? 'passed' : 'failed'}`}
                  title={`Latest test run: ${new Date(version.tests.createdAt).toLocaleString('en')}`}
                >
                  tests {version.tests.passed}/{version.tests.total}
                </span>
              )}
              {version.note && <div className="version-note">{version.note}</div>}
            </div>
            <div className="row-actions">
              <a href={`/flows/${encodeURIComponent(flowId)}/versions/${version.number}`}>View</a>
              {!version.live && version.kind === 'published' && (
                <button type="button" onClick={() => void rollback(version)}>
                  Make live
                </button>
              )}
              <button type="button" onClick={() => void restore(version)}>
                Restore to draft
              </button>
            </div>
          </li>
        ))}
      </ul>

      <h3>Compare</h3>
      <div className="compare">
        <label htmlFor="diff-from">From</label>
        <select id="diff-from" value={from} onChange={(e) => setFrom(e.target.value)}>
          <option value="">Choose…</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <label htmlFor="diff-to">To</label>
        <select id="diff-to" value={to} onChange={(e) => setTo(e.target.value)}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <button type="button" disabled={from === ''} onClick={() => void compare()}>
          Compare
        </button>
      </div>
      {diff && <DiffView diff={diff} />}
    </section>
  );
}
