import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type CallListing,
  calls,
  closeDb,
  decodeCallCursor,
  forWorkspace,
  getDb,
  type NewCallDetails,
  type VersionRecord,
  type WorkspaceRepositories,
  workspaces,
} from '../src/index';
import { validSpec } from './fixtures';

afterAll(closeDb);

let mine: WorkspaceRepositories;
let theirs: WorkspaceRepositories;
let sales: { v1: VersionRecord; v2: VersionRecord };
let support: VersionRecord;
/** Ids of the calls made below, in creation order. */
const made: string[] = [];

/** Makes a call and gives it a fixed creation time (whole minutes after a base instant). */
async function call(version: VersionRecord, minute: number, details: NewCallDetails & { mode?: 'local' }) {
  const created = await calls.create({ flowVersionId: version.id, mode: 'livekit', ...details });
  await getDb().call.update({
    where: { id: created.id },
    data: { createdAt: new Date(Date.UTC(2026, 0, 1, 12, minute)) },
  });
  made.push(created.id);
  return created.id;
}

const ids = (listed: CallListing[]) => listed.map((c) => c.id);

beforeAll(async () => {
  mine = forWorkspace((await workspaces.create('Listing calls')).id);
  theirs = forWorkspace((await workspaces.create('Other calls')).id);
  const salesFlow = await mine.flows.create(validSpec('Sales'));
  sales = { v1: await mine.versions.publish(salesFlow.id, 'v1'), v2: await mine.versions.publish(salesFlow.id, 'v2') };
  const supportFlow = await mine.flows.create(validSpec('Support'));
  support = await mine.versions.publish(supportFlow.id, 'v1');
  const otherFlow = await theirs.flows.create(validSpec('Elsewhere'));
  const other = await theirs.versions.publish(otherFlow.id, 'v1');

  await call(sales.v1, 0, { source: 'test', mode: 'local' });
  await call(sales.v2, 1, {
    source: 'dispatch',
    callerIdentity: 'caller-1',
    room: 'room-a',
    variables: { name: 'Ann' },
  });
  await call(support, 2, { source: 'api' });
  await call(sales.v2, 3, { source: 'dispatch', callerIdentity: 'caller-2' });
  await call(other, 4, { source: 'dispatch' });
  // Two calls created in the same millisecond: the id breaks the tie.
  await call(support, 5, { source: 'sip' });
  await call(support, 5, { source: 'sip' });
  await calls.markActive(made[3] as string);
  await calls.markEnded(made[3] as string);
});

describe("listing a workspace's calls", () => {
  test('lists only the workspace’s calls, newest first, ties by id, with the flow name and call details', async () => {
    const page = await mine.calls.list({}, { limit: 50 });
    const sameMinute = [made[5], made[6]].sort().reverse();
    expect(ids(page.calls)).toEqual([...sameMinute, made[3], made[2], made[1], made[0]]);
    expect(page.nextCursor).toBeNull();
    expect(page.calls.find((c) => c.id === made[1])).toMatchObject({
      flowName: 'Sales',
      versionNumber: 2,
      source: 'dispatch',
      callerIdentity: 'caller-1',
      room: 'room-a',
      variables: { name: 'Ann' },
      status: 'pending',
    });
    expect(ids((await theirs.calls.list({}, { limit: 50 })).calls)).toEqual([made[4]]);
  });

  test('filters by flow, version, status, source and creation time, alone and together', async () => {
    const list = async (filter: Parameters<WorkspaceRepositories['calls']['list']>[0]) =>
      ids((await mine.calls.list(filter, { limit: 50 })).calls);
    expect(await list({ flowId: sales.v1.flowId })).toEqual([made[3], made[1], made[0]]);
    expect(await list({ flowId: sales.v1.flowId, version: 2 })).toEqual([made[3], made[1]]);
    expect(await list({ status: 'ended' })).toEqual([made[3]]);
    expect(await list({ source: 'dispatch' })).toEqual([made[3], made[1]]);
    expect(await list({ source: 'dispatch', status: 'pending' })).toEqual([made[1]]);
    expect(
      await list({ from: new Date(Date.UTC(2026, 0, 1, 12, 1)), to: new Date(Date.UTC(2026, 0, 1, 12, 3)) }),
    ).toEqual([made[2], made[1]]);
    // Another workspace's flow, or something that is not an id, names no calls of this one.
    expect(await list({ flowId: (await theirs.flows.list())[0]?.id })).toEqual([]);
    expect(await list({ flowId: 'not-an-id' })).toEqual([]);
  });

  test('pages with a cursor through every call exactly once, in order', async () => {
    const all = ids((await mine.calls.list({}, { limit: 50 })).calls);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const decoded = cursor === null ? undefined : (decodeCallCursor(cursor) ?? undefined);
      const page = await mine.calls.list({}, { limit: 2, cursor: decoded });
      expect(page.calls.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.calls));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(seen).toEqual(all);
    expect(pages).toBe(3);
  });

  test('a cursor that was not made by the listing decodes to nothing', () => {
    expect(decodeCallCursor('nonsense')).toBeNull();
    expect(decodeCallCursor(Buffer.from('2026-01-01T00:00:00.000Z|x').toString('base64url'))).toBeNull();
    expect(
      decodeCallCursor(Buffer.from('yesterday|00000000-0000-4000-8000-000000000000').toString('base64url')),
    ).toBeNull();
  });
});
