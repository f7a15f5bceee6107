/**
 * An abort signal that fires when a streamed response goes quiet for `ms`, or when the caller
 * aborts. The SDK's own timeout stops at the response headers; a voice turn also cannot wait on
 * a stream that stalls halfway.
 */
export interface IdleDeadline {
  readonly signal: AbortSignal;
  /** True once the deadline (not the caller) aborted the request. */
  readonly expired: boolean;
  /** Data arrived: restart the countdown. */
  touch(): void;
  dispose(): void;
}

/** Starts a countdown of `ms` that restarts on every touch(). */
export function startIdleDeadline(ms: number, callerSignal?: AbortSignal): IdleDeadline {
  const controller = new AbortController();
  let expired = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      expired = true;
      controller.abort(new DOMException('idle deadline passed', 'TimeoutError'));
    }, ms);
  };
  const onCallerAbort = () => {
    clearTimeout(timer);
    controller.abort(callerSignal?.reason);
  };
  if (callerSignal?.aborted) onCallerAbort();
  else {
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    arm();
  }
  return {
    signal: controller.signal,
    get expired() {
      return expired;
    },
    touch: () => {
      if (!controller.signal.aborted) arm();
    },
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
