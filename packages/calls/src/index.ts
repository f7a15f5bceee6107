export {
  AGENT_AUDIO_HEADER_BYTES,
  decodeAgentAudio,
  decodeCallerAudio,
  encodeAgentAudio,
} from './protocol/agent-audio';
export {
  type ClientMessage,
  type DtmfKey,
  dtmfKeys,
  type ParsedClientMessage,
  parseClientMessage,
} from './protocol/client-messages';
export { CALLER_AUDIO_RATE, MAX_MESSAGE_BYTES } from './protocol/limits';
export { CallCloseCode, type CallErrorCode, type ServerMessage } from './protocol/server-messages';
export { type ParleySecret, resolveParleySecret } from './secret/parley-secret';
export { type CallTokenClaims, DEFAULT_TOKEN_TTL_MS, signCallToken, verifyCallToken } from './token/call-token';
export { CallTokenError, type CallTokenProblem } from './token/call-token-error';
export { signRecordingToken, verifyRecordingToken } from './token/recording-token';
export { signScenarioRunToken, verifyScenarioRunToken } from './token/scenario-run-token';
export {
  type CallEndedPayload,
  callEndedPayloadSchema,
  webhookCallSchema,
  webhookHandoffSchema,
  webhookToolCallSchema,
  webhookTranscriptLineSchema,
  webhookTurnSchema,
} from './webhooks/payload';
export {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  type SignatureProblem,
  signWebhookBody,
  verifyWebhookSignature,
} from './webhooks/signature';
