import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calls, flows, getDb, recordings, type VersionRecord } from '@parley/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import { FsRecordingStore } from '../../src/recordings/fs-recording-store';
import { sweepRecordings } from '../../src/recordings/retention-sweep';
import { publishTalker } from '../support/flows';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-sweep-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const day = 86_400_000;

/** A recorded call on `version` created `daysAgo` days before `now`, with a recording in `store`. */
async function oldCall(version: VersionRecord, daysAgo: number, now: Date, store: FsRecordingStore) {
  const call = await calls.create({ flowVersionId: version.id, mode: 'local', record: true });
  await getDb().call.update({ where: { id: call.id }, data: { createdAt: new Date(now.getTime() - daysAgo * day) } });
  await store.append(call.id, 'caller.pcm', 0, new Uint8Array([1, 2]));
  return call.id;
}

it('deletes recordings older than their workspace keeps them, and only those', async () => {
  const store = new FsRecordingStore(dir);
  const now = new Date();
  const short = await publishTalker();
  const long = await publishTalker();
  await recordings.setRetentionDays((await flows.get(short.flowId)).workspaceId, 30);
  await recordings.setRetentionDays((await flows.get(long.flowId)).workspaceId, 60);

  const expired = await oldCall(short, 31, now, store);
  const recent = await oldCall(short, 29, now, store);
  const keptLonger = await oldCall(long, 31, now, store);
  const logs: string[] = [];
  const deleted = await sweepRecordings(
    store,
    now,
    createLogger({}, (line) => logs.push(line)),
  );

  expect(deleted).toBe(1);
  expect(await store.read(expired, 'caller.pcm')).toBeNull();
  expect((await calls.get(expired)).recorded).toBe(false);
  expect(await store.read(recent, 'caller.pcm')).not.toBeNull();
  expect(await store.read(keptLonger, 'caller.pcm')).not.toBeNull();
  expect((await calls.get(recent)).recorded).toBe(true);
  expect(logs.join('\n')).toContain('recordings past retention deleted');
  // Nothing left to sweep: a second run deletes nothing.
  expect(
    await sweepRecordings(
      store,
      now,
      createLogger({}, () => {}),
    ),
  ).toBe(0);
});

it('a call is recorded only when its flow records calls or its creator asks', async () => {
  const version = await publishTalker();
  expect((await calls.create({ flowVersionId: version.id, mode: 'local' })).recorded).toBe(false);
  await recordings.setFlowRecords(version.flowId, true);
  expect(await recordings.flowRecords(version.flowId)).toBe(true);
  expect((await calls.create({ flowVersionId: version.id, mode: 'local' })).recorded).toBe(true);
  await expect(recordings.setRetentionDays((await flows.get(version.flowId)).workspaceId, 0)).rejects.toThrow(
    /recordingRetentionDays must be a whole number of days from 1 to 3650/,
  );
});
