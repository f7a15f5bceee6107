import { CallCloseCode, type CallErrorCode } from '@parley/calls';

/** The WebSocket close code for a fatal call error. */
export function closeCodeFor(code: CallErrorCode): number {
  switch (code) {
    case 'token_invalid':
    case 'token_expired':
      return CallCloseCode.unauthorized;
    case 'unknown_call':
    case 'unknown_version':
      return CallCloseCode.notFound;
    case 'call_not_pending':
      return CallCloseCode.conflict;
    case 'runtime_full':
    case 'runtime_draining':
      return CallCloseCode.tryAgainLater;
    case 'message_too_large':
      return CallCloseCode.tooLarge;
    case 'audio_too_fast':
    case 'client_too_slow':
      return CallCloseCode.policyViolation;
    case 'bad_message':
    case 'bad_audio':
    case 'call_failed':
      return CallCloseCode.failed;
  }
}

/** A close reason within WebSocket's 123-byte limit (the full text goes in the call_error message). */
export function closeReason(text: string): string {
  const bytes = Buffer.from(text);
  if (bytes.length <= 123) return text;
  // Cut on a character boundary: drop a partial UTF-8 sequence at the end.
  return `${bytes
    .subarray(0, 120)
    .toString('utf8')
    .replace(/\uFFFD$/, '')}...`;
}
