/**
 * The wire protocol between Parley's engine and this program, over the program's stdin/stdout.
 *
 * Request: one JSON object per line, `{"id": 1, "text": "Hello.", "voice": "en-us", "rate": 175}`
 * (JSON escapes newlines inside `text`, so a line is always one request).
 * Answer, in request order: one JSON header line, then for success exactly `bytes` bytes of a WAV
 * file (22,050 Hz mono s16): `{"id": 1, "bytes": 52044}\n<WAV>`; for a failure `{"id": 1, "error":
 * "espeak-ng failed (exit 1): ..."}\n` and no body.
 */

/**
 * One synthesis request.
 * @typedef {{ id: number, text: string, voice: string, rate: number }} SynthesisRequest
 */

/** A request line that cannot be served; `id` is its id when that much was readable. */
export class RequestError extends Error {
  /**
   * @param {string} message
   * @param {number | null} id
   */
  constructor(message, id) {
    super(message);
    this.id = id;
  }
}

/**
 * Parses one request line; throws a RequestError naming the bad field.
 * @param {string} line
 * @returns {SynthesisRequest}
 */
export function parseRequest(line) {
  /** @type {unknown} */
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    throw new RequestError(`request is not JSON: ${line.slice(0, 80)}`, null);
  }
  if (!value || typeof value !== 'object') throw new RequestError('request must be a JSON object', null);
  const { id, text, voice, rate } = /** @type {Record<string, unknown>} */ (value);
  if (typeof id !== 'number' || !Number.isInteger(id)) throw new RequestError('request.id must be an integer', null);
  if (typeof text !== 'string') throw new RequestError('request.text must be a string', id);
  if (typeof voice !== 'string' || !/^[\w+-]+$/.test(voice)) {
    throw new RequestError('request.voice must be an espeak-ng voice name such as "en-us"', id);
  }
  if (typeof rate !== 'number' || !(rate >= 80 && rate <= 450)) {
    throw new RequestError('request.rate must be words per minute between 80 and 450', id);
  }
  return { id, text, voice, rate };
}

/**
 * The header line and body answering request `id` with a WAV file, as one buffer: one write, so
 * the engine wakes once per answer rather than once for the header and again for the body.
 * @param {number} id
 * @param {Uint8Array} wav
 * @returns {Buffer}
 */
export function wavAnswer(id, wav) {
  return Buffer.concat([Buffer.from(`${JSON.stringify({ id, bytes: wav.byteLength })}\n`), wav]);
}

/**
 * The header line answering request `id` (null when the request had no readable id) with an error.
 * @param {number | null} id
 * @param {string} message
 * @returns {Uint8Array}
 */
export function errorAnswer(id, message) {
  return new TextEncoder().encode(`${JSON.stringify({ id, error: message })}\n`);
}
