import {
  compile,
  createRealClock,
  ProviderError,
  setEspeakBackend,
  setTurnModelLoader,
  type Transport,
  VoiceSession,
  warmEngine,
} from '@parley/engine';
import { callerVariables } from '../dispatch/sip-variables';
import { createLogger } from '../log';
import { withRecording } from '../recordings/call-recording';
import { type OpenedTransport, openCallTransport } from './call-transport';
import type { CallStart, ChildMessage, ParentMessage } from './ipc-messages';
import { watchLag } from './lag-monitor';
import { remoteEspeak, remoteTurnModels } from './remote-backends';
import { serviceClient } from './service-client';

/*
 * Entry of a call's own process (forked by CallProcess). It warms up, says `ready`, runs the one
 * call it is given and exits: 0 after a session that ended, 1 when it could not start. A crash
 * here ends this call only; the parent records it as failed.
 */

// Once the parent is gone a send would throw ERR_IPC_CHANNEL_CLOSED; the 'disconnect' handler exits.
function post(message: ChildMessage): void {
  if (process.connected) process.send?.(message);
}

/** Sends `message` (after everything queued before it), then exits with `code`. */
function finish(message: ChildMessage, code: number): void {
  if (!process.connected) process.exit(code);
  process.send?.(message, () => process.exit(code));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The transport, plus a promise that resolves once the session has closed it (its last act). */
function watchClose(transport: Transport): { transport: Transport; closed: Promise<void> } {
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  return {
    closed,
    transport: {
      output: transport.output,
      connect: (input) => transport.connect(input),
      send: (event) => transport.send(event),
      close: async () => {
        await transport.close();
        markClosed();
      },
    },
  };
}

type EndReason = 'user_hangup' | 'closed';

/** Runs one call; caller input and end requests from the parent are taken from the first moment. */
async function runCall(call: CallStart): Promise<void> {
  const log = createLogger({ callId: call.callId, pid: process.pid, transport: call.transport.kind });
  let opened: OpenedTransport | null = null;
  let session: VoiceSession | null = null;
  let endRequest: EndReason | null = null;
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'caller_audio') opened?.caller?.callerAudio(message.samples);
    else if (message.type === 'caller_text') opened?.caller?.callerText(message.text);
    else if (message.type === 'caller_dtmf') opened?.caller?.callerDtmf(message.digit);
    else if (message.type === 'hangup' || message.type === 'end') {
      endRequest ??= message.type === 'hangup' ? 'user_hangup' : 'closed';
      void session?.close(endRequest);
    }
  });
  watchLag((delayMs, windowMs) => post({ type: 'behind', delayMs, windowMs }));
  try {
    const plan = compile(call.spec);
    opened = await openCallTransport(call.transport, post, log);
    let variables = call.variables;
    if (opened.linkedCaller) {
      const { identity, sip } = opened.linkedCaller;
      variables = callerVariables(variables, opened.linkedCaller, new Set(plan.variables.map((v) => v.name)));
      post({ type: 'caller', identity, sip, variables });
    }
    // One clock for the session and the recording, so the tracks line up with the events.
    const clock = createRealClock();
    const recorded = await withRecording(opened.transport, {
      callId: call.callId,
      plan,
      recording: call.recording,
      clock,
      log,
    });
    const { transport, closed } = watchClose(recorded);
    session = new VoiceSession({
      plan,
      transport,
      clock,
      secrets: call.secrets,
      providerKeys: call.providerKeys,
      turnModelsDir: call.turnModelsDir,
      webhooks: { allowList: call.webhookAllowList },
      variables,
    });
    void opened.ended?.then(() => session?.close('user_hangup'));
    await session.start();
    // Asked to end while the session was starting: end it now it can.
    if (endRequest) void session.close(endRequest);
    await closed;
  } catch (error) {
    log.error('call could not run', { error: describe(error) });
    return finish({ type: 'start_failed', reason: describe(error) }, 1);
  }
  finish({ type: 'done' }, 0);
}

// The parent is gone (crashed or killed): nobody can hear or record this call any more.
process.on('disconnect', () => process.exit(1));
// eSpeak NG and end-of-turn models run once for all calls, in the runtime's care (also for the warm-up below).
const services = serviceClient(post);
setEspeakBackend(remoteEspeak(services));
setTurnModelLoader(remoteTurnModels(services));
let started = false;
process.on('message', (message: ParentMessage) => {
  if (message.type === 'service_reply') return services.receive(message);
  if (started) return; // runCall's own listener takes the call's messages
  started = true;
  if (message.type === 'start') return void runCall(message.call);
  finish({ type: 'start_failed', reason: `a call process must be sent start first, not ${message.type}` }, 1);
});
try {
  await warmEngine();
} catch (error) {
  // A provider that failed once (a shared program slow to start on a busy machine) is tried again
  // by the call's first sentence; anything else is a broken install, reported as a failed boot.
  if (!(error instanceof ProviderError)) throw error;
  createLogger({ pid: process.pid }).warn('warm-up: a provider failed; calls will try it again', {
    error: describe(error),
  });
}
post({ type: 'ready' });
