import { CallsPage } from '@/src/calls/CallsPage';
import { filtersFromParams } from '@/src/calls/call-query';
import { requirePageSession } from '@/src/server/auth/page-session';

export const dynamic = 'force-dynamic';

/** The workspace's calls (they load through the HTTP API in the browser), filtered as the URL says. */
export default async function CallsRoute({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageSession();
  return <CallsPage initialFilters={filtersFromParams(await searchParams)} />;
}
