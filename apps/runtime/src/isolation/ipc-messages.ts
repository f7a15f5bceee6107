import type { EndOfTurnContext, ProviderErrorKind, SessionEvent, TurnModelSpec } from '@parley/engine';
import type { CallRecordingStart } from '../recordings/call-recording';

/** How the call's process meets its caller: over the parent (local WebSocket) or in a LiveKit room it joins itself. */
export type CallTransportSpec =
  | { kind: 'local' }
  /** `participantIdentity`: the caller LiveKit dispatched the job for, when it named one. */
  | { kind: 'livekit'; url: string; token: string; participantIdentity?: string | undefined };

/** Everything a call process needs to run one call. */
export interface CallStart {
  callId: string;
  /** The version's FlowSpec as stored; the call process compiles it. */
  spec: unknown;
  transport: CallTransportSpec;
  /** The workspace's own secrets by name (webhook headers, custom base URLs). */
  secrets: Record<string, string>;
  /** The operator's provider keys, for built-in provider endpoints only (empty unless the workspace is allowed). */
  providerKeys: Record<string, string>;
  /** The operator's turn models folder; the flow names a model in it. */
  turnModelsDir: string;
  /** Non-public hosts and ranges the workspace lets webhooks reach. */
  webhookAllowList: string[];
  /** The call's values for the flow's {{variables}} (over the flow's defaults). */
  variables: Record<string, string>;
  /** Where to record the call's audio; null when it is not recorded. */
  recording: CallRecordingStart | null;
}

/** What agent audio already sent should do: see the local protocol's `playback` message. */
export type PlaybackAction = 'clear' | 'pause' | 'resume';

/** Work a call process hands to the runtime's shared programs and models (shared-services.ts). */
export type ServiceRequest =
  | { kind: 'espeak'; text: string; voice: string; rate: number; timeoutMs: number }
  /** Load (or find loaded) the end-of-turn model `spec` names, in the operator's models folder. */
  | { kind: 'turn_open'; spec: TurnModelSpec }
  | { kind: 'turn_predict'; spec: TurnModelSpec; context: EndOfTurnContext; timeoutMs: number };

/** What a failed ServiceRequest raises in the call: a ProviderError when `provider` is set, else an error named `name`. */
export interface ServiceError {
  name: string;
  message: string;
  provider?: string;
  kind?: ProviderErrorKind;
}

/** The answer to a ServiceRequest: a WAV file (espeak), a probability or null for no answer in time (turn_predict), null (turn_open). */
export type ServiceReply = { ok: true; value: Uint8Array | number | null } | { ok: false; error: ServiceError };

/** Parent -> call process. */
export type ParentMessage =
  | { type: 'start'; call: CallStart }
  | ({ type: 'service_reply'; id: number } & ServiceReply)
  /** Caller audio, PCM 16 kHz mono (local mode). */
  | { type: 'caller_audio'; samples: Int16Array }
  | { type: 'caller_text'; text: string }
  /** One keypad press of the caller (0-9, *, #; checked by the protocol parser). */
  | { type: 'caller_dtmf'; digit: string }
  /** The caller left: the session ends as a hang-up. */
  | { type: 'hangup' }
  /** The runtime ends the call (drain timeout): the session closes. */
  | { type: 'end' };

/** Call process -> parent. */
export type ChildMessage =
  /** Booted and warmed (engine loaded, offline providers run once, see warmEngine): waiting for `start`. */
  | { type: 'ready' }
  | { type: 'event'; event: SessionEvent }
  /** Agent audio to play now (local mode; already paced at real time). */
  | { type: 'agent_audio'; samples: Int16Array; sampleRate: number }
  | { type: 'playback'; action: PlaybackAction }
  /**
   * The LiveKit caller linked before the session starts: their identity, whether on the phone,
   * and the call's variables with their SIP attributes added (sip-variables.ts).
   */
  | { type: 'caller'; identity: string; sip: boolean; variables: Record<string, string> }
  /** The session could not start (bad spec, provider setup); the process exits next. */
  | { type: 'start_failed'; reason: string }
  /** The session ended and its transport closed; the process exits next. */
  | { type: 'done' }
  /** The process's event loop was held up this long lately: VAD and the session run behind real time. */
  | { type: 'behind'; delayMs: number; windowMs: number }
  /** Work for the runtime's shared programs; answered by a `service_reply` with the same id (also before `start`). */
  | { type: 'service'; id: number; request: ServiceRequest }
  /** The call gave up on service request `id` (the caller spoke again): drop it if it has not run. */
  | { type: 'service_cancel'; id: number };
