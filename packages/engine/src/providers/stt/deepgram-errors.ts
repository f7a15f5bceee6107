import { ProviderError } from '../errors';
import {
  type ProviderErrorContext,
  providerErrorFromStatus,
  providerNetworkError,
  providerTimeoutError,
} from '../http-errors';

/** The SDK reports a stalled handshake with this message. */
const SDK_TIMEOUT_MESSAGE = 'TIMEOUT';
/** The `ws` library's message when the upgrade is answered with an HTTP error. */
const UPGRADE_STATUS = /Unexpected server response: (\d{3})/;

/** Maps a socket error the Deepgram SDK reported (failed upgrade, timeout, network) to a ProviderError. */
export function deepgramSocketError(
  ctx: ProviderErrorContext,
  message: string,
  connectTimeoutMs: number,
): ProviderError {
  if (message === SDK_TIMEOUT_MESSAGE) return providerTimeoutError(ctx, connectTimeoutMs);
  const status = UPGRADE_STATUS.exec(message)?.[1];
  if (status) return providerErrorFromStatus(ctx, Number(status));
  return providerNetworkError(ctx, message || 'socket error');
}

/**
 * Maps a close frame Deepgram sent mid-stream to a ProviderError, or null for a plain drop.
 * Deepgram documents 1008 for audio it cannot decode (DATA-*) and 1011 for its own failures
 * and idle timeouts (NET-*), with the reason text in the frame.
 */
export function deepgramCloseError(ctx: ProviderErrorContext, code: number, reason: string): ProviderError | null {
  const said = reason ? ` Deepgram said: ${reason.slice(0, 200)}` : '';
  if (code === 1008)
    return new ProviderError(ctx.provider, 'bad_request', `Deepgram could not decode the audio (1008).${said}`);
  if (code === 1011)
    return new ProviderError(ctx.provider, 'server', `Deepgram closed the stream with an error (1011).${said}`);
  return null;
}
