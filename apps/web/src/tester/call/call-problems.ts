/** Something that stopped a call, said so a user can act on it. */
export interface CallProblem {
  title: string;
  detail: string;
}

/** getUserMedia's failures: denied, no device, or the device is busy. */
export function microphoneProblem(error: unknown): CallProblem {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return {
      title: 'Microphone access was denied',
      detail:
        'Allow this site to use the microphone (the icon at the left of the address bar), then start the call again. You can still test by typing once a call is running.',
    };
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return { title: 'No microphone found', detail: 'Connect a microphone and start the call again.' };
  }
  if (name === 'NotReadableError') {
    return {
      title: 'The microphone is busy',
      detail: 'Another application is using it. Close that application and start the call again.',
    };
  }
  return {
    title: 'The microphone could not be opened',
    detail: error instanceof Error ? error.message : String(error),
  };
}

/** The socket never opened: the browser could not reach the runtime. */
export function unreachableProblem(url: string): CallProblem {
  return {
    title: 'The runtime cannot be reached',
    detail: `Nothing answered at ${new URL(url).origin}. Start the runtime (npm start runs it) or set RUNTIME_PUBLIC_URL to where the browser can reach it.`,
  };
}

/** A call that failed, from the runtime's message or the call record's failure reason. */
export function failedCallProblem(reason: string): CallProblem {
  // ProviderSetupError messages read "<SECRET> is not set: the flow's <KIND> is <provider>".
  const missingKey = /([A-Z][A-Z0-9_]+) is not set: the flow's (\w+) is ([\w-]+)/.exec(reason);
  if (missingKey) {
    return {
      title: `Provider key missing: ${missingKey[1]}`,
      detail: `The flow's ${missingKey[2]} is ${missingKey[3]}, which needs ${missingKey[1]}. Add it as a workspace secret (Settings), ask the operator to allow this workspace the server's keys (PARLEY_ENV_KEYS_WORKSPACES), or pick an offline provider. (${reason})`,
    };
  }
  return { title: 'The call failed', detail: reason };
}
