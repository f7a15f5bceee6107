'use client';

import { useEffect, useState } from 'react';
import { slugsApi } from '@/src/api/slugs-api';
import type { FlowSlug } from '@/src/api/types';
import { DispatchMetadata } from './DispatchMetadata';
import { SlugForm } from './SlugForm';

/** The flow's slug (what callers dispatch to), saved on its own, and the dispatch metadata it makes. */
export function FlowSlugField({ flowId }: { flowId: string }) {
  const [slugs, setSlugs] = useState<FlowSlug | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void slugsApi.flow(flowId).then((result) => {
      if (result.ok) setSlugs(result.data);
      else setError(result.error.message);
    });
  }, [flowId]);

  if (error)
    return (
      <p className="slug-error" role="alert">
        Could not load the flow's slug: {error}
      </p>
    );
  if (!slugs) return <p className="field-help">Loading the slug…</p>;
  return (
    <div className="field flow-slug">
      <SlugForm
        id="flow-slug"
        name="Flow slug"
        label="Slug"
        value={slugs.slug}
        canEdit
        help="What callers dispatch to: lowercase letters, digits and dashes, unique in this workspace."
        save={(slug) => slugsApi.setFlow(flowId, slug)}
        onSaved={(slug) => setSlugs({ ...slugs, slug })}
      />
      <DispatchMetadata workspaceSlug={slugs.workspaceSlug} flowSlug={slugs.slug} />
    </div>
  );
}
