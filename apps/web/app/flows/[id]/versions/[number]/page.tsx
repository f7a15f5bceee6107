import { VersionViewer } from '@/src/builder/versions/VersionViewer';

/** One stored version of a flow, read-only. */
export default async function VersionRoute({ params }: { params: Promise<{ id: string; number: string }> }) {
  const { id, number } = await params;
  return <VersionViewer flowId={id} number={Number(number)} />;
}
