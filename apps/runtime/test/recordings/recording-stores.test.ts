import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalS3Server, startLocalS3 } from '@parley/test-support/s3-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsRecordingStore } from '../../src/recordings/fs-recording-store';
import type { RecordingStore } from '../../src/recordings/recording-store';
import { S3RecordingStore } from '../../src/recordings/s3-recording-store';

const callId = '0b7d2f0e-6a55-4b53-9d35-6d1a0c8f1a11';
const other = '7f0c3d4e-1b2a-4c5d-8e9f-0a1b2c3d4e5f';
const bytes = (...values: number[]) => new Uint8Array(values);

let s3: LocalS3Server;
let dir: string;

beforeAll(async () => {
  // Two keys per list page: reading a file of three chunks needs the SDK to follow the continuation.
  s3 = await startLocalS3({ buckets: ['calls'], accessKeyId: 'test-key', pageSize: 2 });
  dir = await mkdtemp(join(tmpdir(), 'parley-recordings-'));
});

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

const stores: [string, () => RecordingStore][] = [
  ['filesystem', () => new FsRecordingStore(dir)],
  [
    'S3 (local S3-protocol server)',
    () =>
      new S3RecordingStore({
        bucket: 'calls',
        prefix: 'rec/',
        region: 'us-east-1',
        endpoint: s3.url,
        credentials: { accessKeyId: 'test-key', secretAccessKey: 'test-secret' },
      }),
  ],
];

describe.each(stores)('%s recording store', (_name, make) => {
  it('joins a file from its chunks in order, keeps calls apart, and deletes a whole call', async () => {
    const store = make();
    await store.append(callId, 'caller.pcm', 0, bytes(1, 2));
    await store.append(callId, 'caller.pcm', 1, bytes(3));
    await store.append(callId, 'caller.pcm', 2, bytes(4, 5));
    await store.append(callId, 'timeline.jsonl', 0, bytes(9));
    await store.append(other, 'caller.pcm', 0, bytes(7));
    expect(await store.read(callId, 'caller.pcm')).toEqual(bytes(1, 2, 3, 4, 5));
    expect(await store.read(callId, 'agent.pcm')).toBeNull();
    await store.delete(callId);
    expect(await store.read(callId, 'caller.pcm')).toBeNull();
    expect(await store.read(callId, 'timeline.jsonl')).toBeNull();
    expect(await store.read(other, 'caller.pcm')).toEqual(bytes(7));
    await store.delete(callId); // deleting again is no error
  });

  it('refuses a call id that is not a UUID, naming it', async () => {
    await expect(make().append('../etc', 'caller.pcm', 0, bytes(1))).rejects.toThrow(/must be a UUID, got "\.\.\/etc"/);
  });
});

describe('S3 store on the wire', () => {
  it('stores chunks as separate objects under the prefix and is refused with a wrong key', async () => {
    const store = stores[1]![1]();
    await store.append(callId, 'agent.pcm', 0, bytes(1));
    expect([...(s3.buckets.get('calls')?.keys() ?? [])]).toContain(`rec/${callId}/agent.pcm/000000`);
    const wrong = new S3RecordingStore({
      bucket: 'calls',
      region: 'us-east-1',
      endpoint: s3.url,
      credentials: { accessKeyId: 'nobody', secretAccessKey: 'x' },
    });
    await expect(wrong.read(callId, 'agent.pcm')).rejects.toThrow(/Access Key Id/);
  });
});
