import type { CallErrorCode } from '@parley/calls';

/** The runtime will not run this call; `code` is what a client is told, `message` says why. */
export class CallRefused extends Error {
  constructor(
    readonly code: CallErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CallRefused';
  }
}
