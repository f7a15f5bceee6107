'use client';

import { useEffect, useState } from 'react';
import { slugsApi } from '@/src/api/slugs-api';
import { SlugForm } from './SlugForm';

/** Settings section: the workspace's slug, which callers' dispatch metadata names. Admins edit it. */
export function WorkspaceSlugPanel({ canEdit }: { canEdit: boolean }) {
  const [slug, setSlug] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void slugsApi.workspace().then((result) => {
      if (result.ok) setSlug(result.data.slug);
      else setError(result.error.message);
    });
  }, []);

  return (
    <section className="settings-panel" aria-labelledby="workspace-slug-heading">
      <h2 id="workspace-slug-heading">Workspace slug</h2>
      {error && <p role="alert">{error}</p>}
      {slug !== undefined && (
        <SlugForm
          id="workspace-slug"
          name="Workspace slug"
          label="Slug"
          value={slug}
          canEdit={canEdit}
          help={
            canEdit
              ? 'Callers name the workspace by it in dispatch metadata: {"workspace": slug, "flow": flow slug}. Unique across Parley.'
              : 'Callers name the workspace by it in dispatch metadata. Only admins can change it.'
          }
          save={slugsApi.setWorkspace}
          onSaved={setSlug}
        />
      )}
    </section>
  );
}
