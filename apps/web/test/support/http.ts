/** What a test sees of a response: status, headers and the parsed JSON body (null when empty). */
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Sends a request with a JSON body (or a raw string body) and reads the JSON reply. */
export async function call<T = any>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  raw?: { text: string },
): Promise<Reply<T>> {
  const init: RequestInit = { method };
  if (raw) init.body = raw.text;
  else if (body !== undefined) init.body = JSON.stringify(body);
  if (init.body !== undefined) init.headers = { 'content-type': 'application/json' };
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** A client bound to the test server's base URL. */
export function client(base: () => string) {
  return {
    base,
    get: <T = any>(path: string) => call<T>(base(), 'GET', path),
    post: <T = any>(path: string, body?: unknown) => call<T>(base(), 'POST', path, body),
    put: <T = any>(path: string, body: unknown) => call<T>(base(), 'PUT', path, body),
    del: <T = any>(path: string) => call<T>(base(), 'DELETE', path),
    /** GET a page as HTML text. */
    page: async (path: string) => {
      const response = await fetch(`${base()}${path}`);
      return { status: response.status, text: await response.text() };
    },
    /** POST a body exactly as given, for malformed or oversized documents. */
    postText: <T = any>(path: string, text: string) => call<T>(base(), 'POST', path, undefined, { text }),
  };
}

/** The client type suites receive. */
export type Api = ReturnType<typeof client>;
