'use client';

import { type ValidationIssue, validate } from '@parley/engine/flow';
import { type ChangeEvent, useState } from 'react';
import { flowsApi } from '@/src/api/flows-api';
import { withContentKeys } from '../../lists/content-keys';

type Preview = { fileName: string; document: unknown; issues: ValidationIssue[]; importable: boolean };

/** Imports a FlowSpec JSON file: shows what validate() finds before the user accepts it. */
export function ImportFlow() {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setError(null);
    setPreview(null);
    if (!file) return;
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      setError(`${file.name} is not valid JSON.`);
      return;
    }
    const result = validate(document);
    // Structurally broken documents cannot become flows; semantic problems can be fixed in the builder.
    setPreview({ fileName: file.name, document, issues: result.issues, importable: result.spec !== undefined });
  };

  const accept = async () => {
    if (!preview) return;
    setBusy(true);
    const result = await flowsApi.import(preview.document);
    if (result.ok) window.location.assign(`/flows/${encodeURIComponent(result.data.flow.id)}`);
    else {
      setError(result.error.message);
      setBusy(false);
    }
  };

  return (
    <section className="import" aria-label="Import a flow">
      <label htmlFor="import-file" className="field-label">
        Import a FlowSpec JSON file
      </label>
      <input id="import-file" type="file" accept="application/json,.json" onChange={(e) => void read(e)} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <section className="import-preview" aria-label="Import preview">
          <p>
            <strong>{preview.fileName}</strong>:{' '}
            {preview.issues.length === 0 ? 'no problems found.' : `${preview.issues.length} problem(s) found:`}
          </p>
          <ul className="refused">
            {withContentKeys(preview.issues, (issue) => `${issue.code}:${issue.target.path}:${issue.message}`).map(
              ([key, issue]) => (
                <li key={key} className={issue.severity}>
                  {issue.severity}: {issue.message}
                </li>
              ),
            )}
          </ul>
          {!preview.importable && <p className="form-error">This file is not a FlowSpec and cannot be imported.</p>}
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={!preview.importable || busy}
              onClick={() => void accept()}
            >
              Import flow
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
