import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running local S3-protocol server. */
export interface LocalS3Server {
  /** `http://127.0.0.1:<port>`: give it to the SDK as `endpoint` (path-style). */
  url: string;
  /** Objects by bucket, then key. */
  buckets: Map<string, Map<string, Buffer>>;
  /** Every request's method and path, for tests that check what was sent. */
  requests: string[];
  close(): Promise<void>;
}

export interface LocalS3Options {
  buckets: string[];
  /** The access key requests must be signed with (SigV4 Authorization header). */
  accessKeyId: string;
  /** Keys per ListObjectsV2 page (default 1000, as S3). */
  pageSize?: number;
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(xml(`<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`));
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Undoes `aws-chunked` content encoding: `<hex size>;chunk-signature=...\r\n<bytes>\r\n`, until size 0. */
function dechunk(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const eol = data.indexOf('\r\n', at);
    const size = Number.parseInt(data.subarray(at, eol).toString().split(';')[0] ?? '0', 16);
    if (!size) break;
    out.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

/**
 * A small server speaking the S3 REST protocol (path-style) for tests: PutObject, GetObject,
 * ListObjectsV2 (paged), DeleteObject and DeleteObjects, with S3's XML bodies and error codes.
 * Requests must carry a SigV4 Authorization header for the configured access key (the
 * signature itself is not verified).
 */
export async function startLocalS3(options: LocalS3Options): Promise<LocalS3Server> {
  const buckets = new Map(options.buckets.map((name) => [name, new Map<string, Buffer>()]));
  const requests: string[] = [];
  const pageSize = options.pageSize ?? 1000;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith(`AWS4-HMAC-SHA256 Credential=${options.accessKeyId}/`)) {
      return fail(res, 403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    }
    const [, bucketName = '', ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const bucket = buckets.get(bucketName);
    if (!bucket) return fail(res, 404, 'NoSuchBucket', `The specified bucket does not exist: ${bucketName}`);
    const data = await body(req);

    if (req.method === 'PUT' && key) {
      const chunked = String(req.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
      bucket.set(key, chunked ? dechunk(data) : data);
      res.writeHead(200, { etag: `"${bucket.size}"` });
      return res.end();
    }
    if (req.method === 'GET' && key) {
      const object = bucket.get(key);
      if (!object) return fail(res, 404, 'NoSuchKey', 'The specified key does not exist.');
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': object.length });
      return res.end(object);
    }
    if (req.method === 'GET' && url.searchParams.get('list-type') === '2') {
      const prefix = url.searchParams.get('prefix') ?? '';
      const after = url.searchParams.get('continuation-token') ?? '';
      const all = [...bucket.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
      const page = all.slice(0, pageSize);
      const truncated = all.length > page.length;
      const contents = page
        .map((k) => `<Contents><Key>${escapeXml(k)}</Key><Size>${bucket.get(k)?.length ?? 0}</Size></Contents>`)
        .join('');
      const next = truncated ? `<NextContinuationToken>${escapeXml(page.at(-1) ?? '')}</NextContinuationToken>` : '';
      res.writeHead(200, { 'content-type': 'application/xml' });
      return res.end(
        xml(
          `<ListBucketResult><Name>${bucketName}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><IsTruncated>${truncated}</IsTruncated>${contents}${next}</ListBucketResult>`,
        ),
      );
    }
    if (req.method === 'POST' && url.searchParams.has('delete')) {
      const keys = [...data.toString().matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) =>
        (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
      );
      for (const k of keys) bucket.delete(k);
      res.writeHead(200, { 'content-type': 'application/xml' });
      return res.end(xml('<DeleteResult></DeleteResult>'));
    }
    if (req.method === 'DELETE' && key) {
      bucket.delete(key);
      res.writeHead(204);
      return res.end();
    }
    fail(
      res,
      501,
      'NotImplemented',
      `${req.method} ${url.pathname}${url.search} is not implemented by this test server`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    buckets,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
