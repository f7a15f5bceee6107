import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedFile, RecordedRequest } from './recorded';

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads and records a request: JSON bodies parsed, multipart bodies split into fields and files. */
export async function recordRequest(req: IncomingMessage, res: ServerResponse): Promise<RecordedRequest> {
  const closed = new Promise<void>((resolve) => res.once('close', () => resolve()));
  const raw = await readAll(req);
  const type = req.headers['content-type'] ?? '';
  const record: RecordedRequest = {
    method: req.method ?? 'GET',
    path: new URL(req.url ?? '/', 'http://double').pathname,
    headers: req.headers,
    body: undefined,
    sent: [],
    completed: false,
    closed,
  };
  if (type.startsWith('multipart/form-data')) {
    // The platform's own multipart parser, so the double accepts exactly what a server would.
    const form = await new Request('http://double/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: new Uint8Array(raw),
    }).formData();
    const fields: Record<string, string> = {};
    const files: Record<string, RecordedFile> = {};
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') fields[name] = value;
      else files[name] = { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
    }
    record.form = { fields, files };
  } else if (raw.length > 0) {
    record.body = JSON.parse(raw.toString('utf8'));
  }
  return record;
}
