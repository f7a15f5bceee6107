import { FsRecordingStore } from './fs-recording-store';
import type { RecordingStore } from './recording-store';
import type { RecordingStoreConfig } from './recordings-config';

/** The store a config names; the AWS SDK is loaded only when the store is S3. */
export async function openRecordingStore(config: RecordingStoreConfig): Promise<RecordingStore> {
  if (config.kind === 'fs') return new FsRecordingStore(config.dir);
  const { S3RecordingStore } = await import('./s3-recording-store');
  const { kind: _kind, ...s3 } = config;
  return new S3RecordingStore(s3);
}
