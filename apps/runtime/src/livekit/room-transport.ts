import {
  AudioSource,
  DisconnectReason,
  LocalAudioTrack,
  type LocalParticipant,
  type LocalTrackPublication,
  ParticipantKind,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
  Room,
  RoomEvent,
  TrackPublishOptions,
  TrackSource,
} from '@livekit/rtc-node';
import type { CallerInput, SessionEvent, Transport } from '@parley/engine';
import type { Logger } from '../log';
import { AgentStatePublisher } from './agent-state';
import { LiveKitAudioOutput } from './audio-output';
import { type CallerAudio, readCallerAudio } from './caller-audio';
import { CallerInputRelay } from './caller-input-relay';
import { departureEndsCall, isCaller } from './caller-link';
import { chatInputHandler } from './chat-input';
import { AGENT_AUDIO_RATE, AGENT_TRACK_NAME, ATTRIBUTE_PARLEY_EVENTS, TOPIC_CHAT } from './conventions';
import { listenForDtmf } from './dtmf-input';
import { ResamplingAudioOutput } from './resampling-output';
import { SessionEventChannel } from './session-event-channel';
import { TranscriptionOutput } from './transcription-output';

export interface LiveKitTransportOptions {
  /** LiveKit server URL (ws:// or wss://). */
  url: string;
  /** Room token for the agent participant (from the job assignment). */
  token: string;
  log: Logger;
  /** Link to this caller; else to the first caller-kind participant. */
  participantIdentity?: string;
  /** How long to wait for a caller to be in the room; default 60 s. */
  callerTimeoutMs?: number;
}

/** The caller the agent linked to: who, whether on the phone (a SIP participant), and their attributes. */
export interface LinkedCaller {
  identity: string;
  sip: boolean;
  attributes: Record<string, string>;
}

/**
 * A Transport over a LiveKit room; `ended` resolves once the caller left, the room closed or
 * close() ran; `linkedCaller` is set once connectLiveKitTransport() resolved.
 */
export type LiveKitTransport = Transport & {
  readonly ended: Promise<void>;
  readonly linkedCaller: LinkedCaller | null;
};

const DEFAULT_CALLER_TIMEOUT_MS = 60_000;
/** How long to wait for the caller to subscribe to the agent's audio, so a greeting is not lost. */
const SUBSCRIPTION_WAIT_MS = 3_000;
/** Cap on flushing queued transcripts and events at close, when the room may already be gone. */
const CLOSE_FLUSH_MS = 2_000;
/** AudioSource buffer; LiveKitAudioOutput keeps only ~100 ms of it filled. */
const SOURCE_QUEUE_MS = 1_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Joins a LiveKit room as the agent, links to the caller and returns the session's Transport:
 * caller microphone in (16 kHz mono), agent voice out on a published microphone-source track,
 * `lk.agent.state`, transcripts on `lk.transcription`, typed input from `lk.chat`, and every
 * SessionEvent on `parley.events`. Resolves once a caller is linked (and has subscribed to the
 * agent's audio, or SUBSCRIPTION_WAIT_MS passed).
 */
export async function connectLiveKitTransport(options: LiveKitTransportOptions): Promise<LiveKitTransport> {
  const room = new Room();
  await room.connect(options.url, options.token, { autoSubscribe: true, dynacast: true });
  let transport: RoomTransport;
  try {
    transport = new RoomTransport(room, options);
  } catch (error) {
    await room.disconnect();
    throw error;
  }
  try {
    await transport.start();
  } catch (error) {
    await transport.close();
    throw error;
  }
  return transport;
}

class RoomTransport implements LiveKitTransport {
  readonly output: ResamplingAudioOutput;
  readonly ended: Promise<void>;
  private readonly local: LocalParticipant;
  private readonly log: Logger;
  private readonly source = new AudioSource(AGENT_AUDIO_RATE, 1, SOURCE_QUEUE_MS);
  private readonly track = LocalAudioTrack.createAudioTrack(AGENT_TRACK_NAME, this.source);
  private readonly agentState: AgentStatePublisher;
  private readonly transcription: TranscriptionOutput;
  private readonly events: SessionEventChannel;
  private publication: LocalTrackPublication | null = null;
  /** The first caller linked (set before start() resolves); relinks after a drop do not change it. */
  linkedCaller: LinkedCaller | null = null;
  /** Identity of the linked caller; kept after they drop so only they can relink. */
  private callerIdentity: string | undefined;
  private caller: RemoteParticipant | null = null;
  private callerTrackSid: string | undefined;
  private callerAudio: CallerAudio | null = null;
  private readonly input = new CallerInputRelay();
  private stopDtmf: (() => void) | null = null;
  private finished = false;
  private closed = false;
  private resolveEnded!: () => void;
  private linked!: { resolve: () => void; reject: (error: Error) => void };
  private readonly linkedPromise: Promise<void>;

  constructor(
    private readonly room: Room,
    private readonly options: LiveKitTransportOptions,
  ) {
    if (!room.localParticipant) throw new Error('connected to LiveKit but there is no local participant');
    this.local = room.localParticipant;
    this.log = options.log.child({ room: room.name, agent: this.local.identity });
    this.callerIdentity = options.participantIdentity;
    this.ended = new Promise((resolve) => {
      this.resolveEnded = resolve;
    });
    this.linkedPromise = new Promise((resolve, reject) => {
      this.linked = { resolve, reject };
    });
    // Nobody may await linkedPromise when the call ends before start(); keep that rejection quiet.
    this.linkedPromise.catch(() => undefined);
    this.output = new ResamplingAudioOutput(new LiveKitAudioOutput(this.source), AGENT_AUDIO_RATE);
    this.agentState = new AgentStatePublisher(this.local, this.log);
    this.transcription = new TranscriptionOutput({
      streams: this.local,
      callerIdentity: () => this.caller?.identity ?? null,
      callerTrackSid: () => this.callerTrackSid,
      agentTrackSid: () => this.publication?.sid,
      log: this.log,
    });
    this.events = new SessionEventChannel(this.local, this.log, () =>
      [...this.room.remoteParticipants.values()].some((p) => p.attributes[ATTRIBUTE_PARLEY_EVENTS] === 'on'),
    );
  }

  /** Publishes the agent's track, starts listening to the room and waits for the caller. */
  async start(): Promise<void> {
    this.agentState.update('initializing');
    this.room.on(RoomEvent.ParticipantConnected, this.onParticipantConnected);
    this.room.on(RoomEvent.ParticipantDisconnected, this.onParticipantDisconnected);
    this.room.on(RoomEvent.TrackSubscribed, this.onTrackSubscribed);
    this.room.on(RoomEvent.TrackUnsubscribed, this.onTrackUnsubscribed);
    this.room.on(RoomEvent.TrackUnpublished, this.onTrackUnpublished);
    this.room.on(RoomEvent.Disconnected, this.onDisconnected);
    this.room.registerTextStreamHandler(
      TOPIC_CHAT,
      chatInputHandler({
        callerIdentity: () => this.caller?.identity ?? null,
        onText: (text) => this.input.text(text),
        log: this.log,
      }),
    );
    this.stopDtmf = listenForDtmf(this.room, {
      callerIdentity: () => this.caller?.identity ?? null,
      onKey: (key) => this.input.dtmf(key),
    });
    const publication = await this.local.publishTrack(
      this.track,
      new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
    );
    this.publication = publication;
    for (const participant of this.room.remoteParticipants.values()) this.onParticipantConnected(participant);
    const timeoutMs = this.options.callerTimeoutMs ?? DEFAULT_CALLER_TIMEOUT_MS;
    const timer = setTimeout(() => this.linked.reject(new Error(`no caller joined within ${timeoutMs} ms`)), timeoutMs);
    try {
      await this.linkedPromise;
    } finally {
      clearTimeout(timer);
    }
    await Promise.race([publication.waitForSubscription(), delay(SUBSCRIPTION_WAIT_MS)]);
  }

  /** Called once by the session: input that arrived before is handed over now. */
  connect(input: CallerInput): void {
    this.input.attach(input);
  }

  /** Mirrors one session event to the room: agent state, transcripts, and the raw event. */
  send(event: SessionEvent): void {
    if (event.type === 'agent_state') this.agentState.update(event.state);
    this.transcription.handle(event);
    this.events.send(event);
  }

  /** Flushes what is queued for the room (briefly), then leaves it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.room.off(RoomEvent.ParticipantConnected, this.onParticipantConnected);
    this.room.off(RoomEvent.ParticipantDisconnected, this.onParticipantDisconnected);
    this.stopDtmf?.();
    this.room.off(RoomEvent.TrackSubscribed, this.onTrackSubscribed);
    this.room.off(RoomEvent.TrackUnsubscribed, this.onTrackUnsubscribed);
    this.room.off(RoomEvent.TrackUnpublished, this.onTrackUnpublished);
    this.room.off(RoomEvent.Disconnected, this.onDisconnected);
    this.room.unregisterTextStreamHandler(TOPIC_CHAT);
    this.output.clear();
    await this.stopCallerAudio();
    const flushed = Promise.all([this.transcription.close(), this.events.settled(), this.agentState.settled()]);
    await Promise.race([flushed, delay(CLOSE_FLUSH_MS)]);
    await this.room.disconnect();
    await this.source.close();
    this.finish('closed', false);
  }

  private onParticipantConnected = (participant: RemoteParticipant): void => {
    if (this.finished || this.caller || !isCaller(participant, this.local.identity, this.callerIdentity)) return;
    this.caller = participant;
    this.callerIdentity = participant.identity;
    this.linkedCaller ??= {
      identity: participant.identity,
      sip: participant.kind === ParticipantKind.SIP,
      attributes: { ...participant.attributes },
    };
    this.log.info('linked to the caller', { caller: participant.identity });
    for (const publication of participant.trackPublications.values()) {
      if (publication.source !== TrackSource.SOURCE_MICROPHONE) continue;
      if (publication.track) this.startCallerAudio(publication.track, publication);
      else publication.setSubscribed(true);
    }
    this.linked.resolve();
  };

  private onParticipantDisconnected = (participant: RemoteParticipant): void => {
    if (participant.identity !== this.caller?.identity) return;
    this.caller = null;
    void this.stopCallerAudio();
    const reason = participant.disconnectReason;
    const reasonName = reason === undefined ? 'unknown' : DisconnectReason[reason];
    // As LiveKit Agents: a deliberate leave ends the call; after a drop the caller may rejoin,
    // and LiveKit closes the room (disconnecting us) if they do not.
    if (departureEndsCall(reason)) this.finish(`caller left (${reasonName})`, true);
    else this.log.warn('caller dropped; waiting for them to rejoin', { reason: reasonName });
  };

  private onTrackSubscribed = (
    track: RemoteTrack,
    publication: RemoteTrackPublication,
    participant: RemoteParticipant,
  ): void => {
    if (participant.identity !== this.caller?.identity || publication.source !== TrackSource.SOURCE_MICROPHONE) return;
    this.startCallerAudio(track, publication);
  };

  private onTrackUnsubscribed = (_track: RemoteTrack, publication: RemoteTrackPublication): void => {
    if (publication.sid === this.callerTrackSid) void this.stopCallerAudio();
  };

  private onTrackUnpublished = (publication: RemoteTrackPublication): void => {
    if (publication.sid === this.callerTrackSid) void this.stopCallerAudio();
  };

  private onDisconnected = (reason: DisconnectReason): void => {
    this.finish(`room disconnected (${DisconnectReason[reason] ?? reason})`, true);
  };

  private startCallerAudio(track: RemoteTrack, publication: RemoteTrackPublication): void {
    if (publication.sid === this.callerTrackSid && this.callerAudio) return;
    void this.stopCallerAudio();
    this.callerTrackSid = publication.sid;
    this.callerAudio = readCallerAudio(track, (frame) => this.input.audio(frame), this.log);
  }

  private async stopCallerAudio(): Promise<void> {
    const audio = this.callerAudio;
    this.callerAudio = null;
    this.callerTrackSid = undefined;
    await audio?.stop();
  }

  /** The call is over: resolve `ended`; when the room ended it, hang up the session (now or at connect). */
  private finish(reason: string, hangUp: boolean): void {
    if (this.finished) return;
    this.finished = true;
    this.linked.reject(new Error(`the call ended before a caller was linked: ${reason}`));
    if (hangUp) {
      this.log.info('call ended by the room', { reason });
      this.input.hangup();
    }
    this.resolveEnded();
  }
}
