import { z } from 'zod';

// The API-key routes and the call API: what they accept and what they answer (routes send
// answers through these, so a field not listed here, such as a key's hash, never leaves).

/** A timestamp: a Date on the server, its ISO string on the wire. */
const timestamp = z.date().transform((date) => date.toISOString());

/** A site a widget may be embedded in: scheme, host and port only, as browsers send it in Origin. */
const webOrigin = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'an allowed origin is scheme://host[:port] with no path or trailing slash, e.g. https://www.example.com');

/**
 * POST /api/api-keys: a name, the kind, and the flows the key may start calls of; a publishable
 * (widget) key opens exactly one flow, inside the sites listed as its allowed origins.
 */
export const createApiKeyBody = z
  .object({
    name: z.string().trim().min(1, 'give the key a name').max(100),
    kind: z.enum(['secret', 'publishable']).default('secret'),
    flowIds: z.array(z.string().min(1)).min(1, 'choose at least one flow').max(100),
    allowedOrigins: z.array(webOrigin).max(20, 'at most 20 allowed origins').default([]),
  })
  .strict()
  .superRefine((body, context) => {
    if (body.kind === 'publishable' && new Set(body.flowIds).size !== 1) {
      context.addIssue({ code: 'custom', path: ['flowIds'], message: 'a publishable key opens exactly one flow' });
    }
    if (body.kind === 'secret' && body.allowedOrigins.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['allowedOrigins'],
        message: 'only publishable (widget) keys have allowed origins',
      });
    }
  });

/** A key as listed: never the key itself, only its first characters. */
export const apiKeyResponse = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['secret', 'publishable']),
  prefix: z.string(),
  flowIds: z.array(z.string()),
  /** Sites a publishable key's widget may be framed by. */
  allowedOrigins: z.array(z.string()),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});

/** GET /api/api-keys: newest first, revoked keys included. */
export const apiKeyListResponse = z.object({ keys: z.array(apiKeyResponse) });

/** POST /api/api-keys: the record and, this once only, the key. */
export const createdApiKeyResponse = z.object({ apiKey: apiKeyResponse, key: z.string() });

/** DELETE /api/api-keys/:id: the key as it is now (revoked). */
export const revokedApiKeyResponse = z.object({ apiKey: apiKeyResponse });

/** POST /api/v1/flows/:id/sessions: values for the flow's variables and who the caller is. */
export const startSessionBody = z
  .object({
    // Checked against the live version's declared variables after parsing (see session-variables.ts).
    variables: z.record(z.string(), z.unknown()).default({}),
    participantIdentity: z.string().trim().min(1).max(128).optional(),
    participantName: z.string().trim().min(1).max(128).optional(),
  })
  .strict();

/** POST /api/v1/flows/:id/sessions: how the customer's client joins the call. */
export const startedSessionResponse = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('livekit'),
    /** The LiveKit server as browsers and apps reach it. */
    serverUrl: z.string(),
    room: z.string(),
    participantToken: z.string(),
    participantIdentity: z.string(),
    expiresAt: timestamp,
  }),
  z.object({
    mode: z.literal('local'),
    callId: z.string(),
    /** The live version the call runs. */
    versionNumber: z.number().int(),
    /** The runtime's WebSocket for this call; connect to `${url}?token=${token}`. */
    url: z.string(),
    token: z.string(),
    expiresAt: timestamp,
  }),
]);
