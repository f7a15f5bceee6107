import type { IncomingMessage } from 'node:http';
import { readBody } from '../http/json-io';

/** The request's JSON body, or null when it is too big or not JSON. */
export async function readJson(request: IncomingMessage): Promise<{ value: unknown } | null> {
  const text = await readBody(request);
  if (text === null) return null;
  try {
    return { value: JSON.parse(text || '{}') };
  } catch {
    return null;
  }
}
