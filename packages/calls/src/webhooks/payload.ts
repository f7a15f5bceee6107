import { z } from 'zod';

/** One line of the conversation: what the caller said (final transcripts) or an agent said. */
export const webhookTranscriptLineSchema = z.object({
  role: z.enum(['user', 'agent']),
  /** The agent speaking (agent lines only). */
  agentId: z.string().optional(),
  text: z.string(),
  /** Whether the caller cut the agent off (agent lines only). */
  interrupted: z.boolean().optional(),
  /** Milliseconds since the call started. */
  t: z.number(),
});

/** One tool the agent called: its arguments and either its result or its error. */
export const webhookToolCallSchema = z.object({
  name: z.string(),
  agentId: z.string(),
  arguments: z.unknown(),
  result: z.string().optional(),
  error: z.string().optional(),
  t: z.number(),
});

/** One handoff between agents. */
export const webhookHandoffSchema = z.object({
  from: z.string(),
  to: z.string(),
  edgeId: z.string(),
  reason: z.string(),
  t: z.number(),
});

/** Latency figures of one agent turn, in ms (null when the turn had no such stage). */
export const webhookTurnSchema = z.object({
  turn: z.number(),
  agentId: z.string(),
  endOfUtteranceDelay: z.number(),
  transcriptionDelay: z.number().nullable(),
  llmTtft: z.number().nullable(),
  ttsTtfb: z.number().nullable(),
  voiceToVoice: z.number().nullable(),
  engineOverhead: z.number().nullable(),
  t: z.number(),
});

/** The call the delivery is about. */
export const webhookCallSchema = z.object({
  id: z.uuid(),
  flowId: z.uuid(),
  flowVersionId: z.uuid(),
  versionNumber: z.number().int(),
  source: z.enum(['test', 'dispatch', 'api', 'embed', 'sip']),
  status: z.enum(['ended', 'failed']),
  failureReason: z.string().nullable(),
  startedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  /** endedAt - startedAt; null when the call never started. */
  durationMs: z.number().nullable(),
  room: z.string().nullable(),
  callerIdentity: z.string().nullable(),
  /** The flow's variables at the end: values given for the call, then what the agents set. */
  variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

/**
 * The body of every post-call webhook POST: the one definition of the payload (docs and tests
 * read it from here). Built from the call's record and its stored SessionEvents.
 */
export const callEndedPayloadSchema = z.object({
  type: z.literal('call.ended'),
  /** The delivery's id; the same in every retry (also the Parley-Delivery header). */
  id: z.uuid(),
  /** When the delivery was queued. */
  createdAt: z.iso.datetime(),
  call: webhookCallSchema,
  transcript: z.array(webhookTranscriptLineSchema),
  toolCalls: z.array(webhookToolCallSchema),
  handoffs: z.array(webhookHandoffSchema),
  turns: z.array(webhookTurnSchema),
});

/** A post-call webhook body. */
export type CallEndedPayload = z.infer<typeof callEndedPayloadSchema>;
