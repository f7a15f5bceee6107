import type { CallerInput, SessionEvent, Transport } from '@parley/engine';
import type { LinkedCaller } from '../livekit/room-transport';
import { ParentLinkTransport } from '../local/parent-link-transport';
import type { Logger } from '../log';
import type { CallTransportSpec, ChildMessage } from './ipc-messages';

/** A call process's transport: caller input arrives through `caller`, or from the room itself (LiveKit). */
export interface OpenedTransport {
  transport: Transport;
  /** Caller input relayed by the parent; null when the transport takes input itself. */
  caller: ParentLinkTransport | null;
  /** Resolves when the caller is gone on the transport's side (LiveKit room closed). */
  ended: Promise<void> | null;
  /** The room participant taken as the caller (LiveKit); null in local mode. */
  linkedCaller: LinkedCaller | null;
}

/** Events also go to the parent (call records), whatever transport the session speaks to. */
function copyEventsToParent(transport: Transport, post: (message: ChildMessage) => void): Transport {
  return {
    output: transport.output,
    connect: (input: CallerInput) => transport.connect(input),
    send: (event: SessionEvent) => {
      post({ type: 'event', event });
      transport.send(event);
    },
    close: () => transport.close(),
  };
}

/** Opens the transport `spec` names, inside the call's process. */
export async function openCallTransport(
  spec: CallTransportSpec,
  post: (message: ChildMessage) => void,
  log: Logger,
): Promise<OpenedTransport> {
  if (spec.kind === 'local') {
    const caller = new ParentLinkTransport(post);
    return { transport: caller, caller, ended: null, linkedCaller: null };
  }
  // Loaded only for LiveKit calls: local-mode processes never load the native rtc-node binding.
  const { connectLiveKitTransport } = await import('../livekit/room-transport');
  const room = await connectLiveKitTransport({
    url: spec.url,
    token: spec.token,
    log,
    ...(spec.participantIdentity ? { participantIdentity: spec.participantIdentity } : {}),
  });
  return {
    transport: copyEventsToParent(room, post),
    caller: null,
    ended: room.ended,
    linkedCaller: room.linkedCaller,
  };
}
