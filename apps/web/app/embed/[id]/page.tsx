import { forWorkspace } from '@parley/db';
import type { Metadata } from 'next';
import { EmbedWidget } from '@/src/embed/EmbedWidget';
import { ApiError } from '@/src/server/api-error';
import { callsConfig } from '@/src/server/calls-config';
import { embedAccess } from '@/src/server/embed/embed-access';

export const metadata: Metadata = { title: 'Voice agent' };

/**
 * The embeddable voice widget of one flow (`/embed/<flow slug>?key=<publishable key>`), meant
 * for an iframe on the sites the key allows (the proxy sets frame-ancestors from them).
 */
export default async function EmbedRoute({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { key } = await searchParams;
  const publishableKey = typeof key === 'string' ? key : null;
  try {
    const access = await embedAccess(publishableKey, id, { use: false });
    const flow = await forWorkspace(access.key.workspaceId).flows.get(access.flowId);
    const mode = callsConfig().livekit ? 'livekit' : 'local';
    return <EmbedWidget flow={id} publishableKey={publishableKey ?? ''} title={flow.name} mode={mode} />;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return (
      <div className="embed-widget" role="alert">
        <p className="embed-problem">{error.message}</p>
      </div>
    );
  }
}
