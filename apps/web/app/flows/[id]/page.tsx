import { BuilderPage } from '@/src/builder/BuilderPage';

/** The builder for one flow; everything loads client-side through the HTTP API. */
export default async function FlowBuilderRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <BuilderPage flowId={id} />;
}
