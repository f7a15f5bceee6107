import { BuilderPage } from '@/src/builder/BuilderPage';
import { requirePageSession } from '@/src/server/auth/page-session';

/** The builder for one flow; everything loads client-side through the HTTP API. */
export default async function FlowBuilderRoute({ params }: { params: Promise<{ id: string }> }) {
  await requirePageSession();
  const { id } = await params;
  return <BuilderPage flowId={id} />;
}
