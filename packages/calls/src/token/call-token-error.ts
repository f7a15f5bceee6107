/** Why a call token was refused. */
export type CallTokenProblem = 'malformed' | 'forged' | 'expired';

/** A call token that cannot be used; `problem` says which check it failed. */
export class CallTokenError extends Error {
  constructor(
    readonly problem: CallTokenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CallTokenError';
  }
}
