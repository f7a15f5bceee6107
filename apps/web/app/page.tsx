import { FlowsList } from '@/src/builder/flows/FlowsList';
import { requirePageSession } from '@/src/server/auth/page-session';

export const dynamic = 'force-dynamic';

/** Home: the flows list (it loads through the HTTP API in the browser). */
export default async function FlowsPage() {
  await requirePageSession();
  return <FlowsList />;
}
