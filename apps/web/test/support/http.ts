/** What a test sees of a response: status, headers and the parsed JSON body (null when empty). */
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Per-request choices: leave the CSRF token out, or claim another Origin. */
export interface SendOptions {
  /** An X-Forwarded-For client address (what a proxy would add). */
  forwardedFor?: string;
  csrf?: boolean;
  origin?: string;
}

/**
 * A client bound to the test server's base URL. It keeps the cookies sign-in sets, like a
 * browser, and sends the CSRF token on state-changing requests, like the app's pages do.
 */
export function client(base: () => string) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

  async function send<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: SendOptions = {},
    raw?: { text: string },
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    const init: RequestInit = { method, headers };
    if (raw) init.body = raw.text;
    else if (body !== undefined) init.body = JSON.stringify(body);
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (jar.size > 0) headers.cookie = cookie();
    const csrf = jar.get('parley_csrf');
    if (csrf && options.csrf !== false && method !== 'GET') headers['x-csrf-token'] = csrf;
    if (options.origin) headers.origin = options.origin;
    if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
    const response = await fetch(`${base()}${path}`, init);
    for (const set of response.headers.getSetCookie()) {
      const [pair = ''] = set.split(';');
      const [name = '', ...value] = pair.split('=');
      if (/Max-Age=0/.test(set)) jar.delete(name);
      else jar.set(name, value.join('='));
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }

  return {
    base,
    send,
    /** The Cookie header this client sends (to replay it elsewhere). */
    cookie,
    /** Cookie and CSRF headers, for requests a test sends with fetch itself. */
    authHeaders: (): Record<string, string> => ({ cookie: cookie(), 'x-csrf-token': jar.get('parley_csrf') ?? '' }),
    /** Signs in through the API; throws unless it succeeds. */
    async signIn(email: string, password: string): Promise<void> {
      const reply = await send('POST', '/api/auth/signin', { email, password });
      if (reply.status !== 200) throw new Error(`sign-in failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    },
    get: <T = any>(path: string) => send<T>('GET', path),
    post: <T = any>(path: string, body?: unknown) => send<T>('POST', path, body),
    put: <T = any>(path: string, body: unknown) => send<T>('PUT', path, body),
    del: <T = any>(path: string) => send<T>('DELETE', path),
    /** GET a page as HTML text. */
    page: async (path: string) => {
      const response = await fetch(`${base()}${path}`, { headers: jar.size > 0 ? { cookie: cookie() } : {} });
      return { status: response.status, text: await response.text() };
    },
    /** POST a body exactly as given, for malformed or oversized documents. */
    postText: <T = any>(path: string, text: string) => send<T>('POST', path, undefined, {}, { text }),
  };
}

/** The client type suites receive. */
export type Api = ReturnType<typeof client>;
