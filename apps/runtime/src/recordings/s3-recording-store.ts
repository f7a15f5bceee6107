import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { checkCallId, type RecordingFile, type RecordingStore } from './recording-store';

/** An S3-compatible bucket (AWS S3, MinIO, R2...), reached with the official AWS SDK. */
export interface S3StoreConfig {
  bucket: string;
  /** Key prefix, e.g. `recordings/` (default none). */
  prefix?: string;
  region: string;
  /** A non-AWS server's URL; path-style addressing is used with it. */
  endpoint?: string;
  /** Explicit keys; otherwise the SDK's default chain (AWS_ACCESS_KEY_ID..., roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Recordings as objects: chunk `n` of a file is `<prefix><callId>/<file>/<n, 6 digits>`, so
 * every chunk is stored as soon as it is written (objects cannot be appended to) and listing
 * returns them in order.
 */
export class S3RecordingStore implements RecordingStore {
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly config: S3StoreConfig) {
    this.prefix = config.prefix ?? '';
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
      ...(config.credentials ? { credentials: config.credentials } : {}),
      // Checksums only where S3 requires them: S3-compatible servers differ in what else they accept.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async append(callId: string, file: RecordingFile, index: number, bytes: Uint8Array): Promise<void> {
    const key = `${this.callPrefix(callId)}${file}/${String(index).padStart(6, '0')}`;
    await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: bytes }));
  }

  async read(callId: string, file: RecordingFile): Promise<Uint8Array | null> {
    const keys = await this.keys(`${this.callPrefix(callId)}${file}/`);
    if (keys.length === 0) return null;
    const parts: Uint8Array[] = [];
    for (const key of keys.sort()) {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
      parts.push((await object.Body?.transformToByteArray()) ?? new Uint8Array(0));
    }
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  async delete(callId: string): Promise<void> {
    const keys = await this.keys(this.callPrefix(callId));
    // DeleteObjects takes at most 1,000 keys per request.
    for (let i = 0; i < keys.length; i += 1000) {
      await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.config.bucket,
          Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true },
        }),
      );
    }
  }

  private callPrefix(callId: string): string {
    return `${this.prefix}${checkCallId(callId)}/`;
  }

  private async keys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }
}
