import { z } from 'zod';

/**
 * Browser -> runtime text frames (JSON). Binary frames carry caller audio: PCM s16le mono at
 * CALLER_AUDIO_RATE, any whole number of samples per frame (20-100 ms is typical).
 */
export type ClientMessage =
  | { type: 'user_text'; text: string }
  /** One phone keypad press (DTMF): a single 0-9, * or #. */
  | { type: 'dtmf'; digit: DtmfKey }
  | { type: 'end_call' };

/** The keys of a phone keypad, in keypad order. */
export const dtmfKeys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
export type DtmfKey = (typeof dtmfKeys)[number];

const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user_text'), text: z.string().min(1).max(4000) }).strict(),
  z.object({ type: z.literal('dtmf'), digit: z.enum(dtmfKeys, { error: 'expected one key: 0-9, * or #' }) }).strict(),
  z.object({ type: z.literal('end_call') }).strict(),
]);

/** A parsed text frame, or what is wrong with it. */
export type ParsedClientMessage = { ok: true; message: ClientMessage } | { ok: false; error: string };

/** Parses one text frame from the browser. */
export function parseClientMessage(text: string): ParsedClientMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error:
        'text frame is not JSON; expected {"type":"user_text","text":"..."}, {"type":"dtmf","digit":"5"} or {"type":"end_call"}',
    };
  }
  const parsed = clientMessageSchema.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  const type = typeof json === 'object' && json !== null && 'type' in json ? String(json.type) : '(none)';
  const issues = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`)
    .join('; ');
  return { ok: false, error: `text frame of type ${type} is not a valid message (${issues})` };
}
