import { CallDetailPage } from '@/src/calls/CallDetailPage';
import { requirePageSession } from '@/src/server/auth/page-session';

export const dynamic = 'force-dynamic';

/** One call: its details, transcript, timeline and measurements. */
export default async function CallRoute({ params }: { params: Promise<{ id: string }> }) {
  await requirePageSession();
  const { id } = await params;
  return <CallDetailPage callId={id} />;
}
