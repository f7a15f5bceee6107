/** A file part of a multipart request, as the double received it. */
export interface RecordedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** One HTTP request the double received, for tests to assert what the client sent. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; undefined for multipart (see `form`). */
  body: unknown;
  /** For multipart bodies: text fields and files. */
  form?: { fields: Record<string, string>; files: Record<string, RecordedFile> };
  /** Stream payloads written so far, in order (SSE `data:` texts, or byte counts for audio). */
  sent: string[];
  /** True once the double finished its reply (false while paused, after a drop or a client abort). */
  completed: boolean;
  /** Settles when the response is over: finished by the double, or cut by either side. */
  closed: Promise<void>;
}
