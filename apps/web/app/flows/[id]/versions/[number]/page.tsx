import { VersionViewer } from '@/src/builder/versions/VersionViewer';
import { requirePageSession } from '@/src/server/auth/page-session';

/** One stored version of a flow, read-only. */
export default async function VersionRoute({ params }: { params: Promise<{ id: string; number: string }> }) {
  await requirePageSession();
  const { id, number } = await params;
  return <VersionViewer flowId={id} number={Number(number)} />;
}
