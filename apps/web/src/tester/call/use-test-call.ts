'use client';

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { callsApi } from '@/src/api/calls-api';
import type { ApiResult, StartedCall } from '@/src/api/types';
import { AgentPlayer, type PlaybackStats } from '../audio/agent-player';
import { MicCapture } from '../audio/mic-capture';
import { type CallView, emptyCallView, foldCallView } from '../live/call-view';
import type { SessionEvent } from '../types';
import { type CallProblem, failedCallProblem, microphoneProblem, unreachableProblem } from './call-problems';
import type { ChatSender } from './LiveKitCall';
import { LocalConnection } from './local-connection';

/** Where a test call is. */
export type CallPhase =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'connecting'; call: StartedCall }
  | { kind: 'live'; call: StartedCall }
  | { kind: 'ended'; call: StartedCall }
  | { kind: 'failed'; problem: CallProblem; call: StartedCall | null };

/** The local-mode media of a running call; the microphone opens once the session has started. */
interface LocalMedia {
  context: AudioContext;
  mic: MicCapture | null;
  player: AgentPlayer;
  connection: LocalConnection | null;
}

type ViewAction = { type: 'event'; event: SessionEvent } | { type: 'reset' };

function viewReducer(view: CallView, action: ViewAction): CallView {
  return action.type === 'reset' ? emptyCallView : foldCallView(view, action.event);
}

/** Starts a call (on a version, when given) and answers how to join it. */
export type CallStarter = (version?: number) => Promise<ApiResult<StartedCall>>;

/** Why call `callId` failed, as recorded; null when the caller may not read the record. */
export type FailureLookup = (callId: string) => Promise<string | null>;

/** The test call panel's state and actions, on the flow's draft or a version; `record` asks for the call's audio to be recorded. */
export function useTestCall(flowId: string, record = false) {
  const start = useCallback<CallStarter>(
    (version) =>
      callsApi.startCall(flowId, { ...(version === undefined ? {} : { version }), ...(record ? { record } : {}) }),
    [flowId, record],
  );
  const failure = useCallback<FailureLookup>(async (callId) => {
    const record = await callsApi.getCall(callId);
    return record.ok ? record.data.call.failureReason : null;
  }, []);
  return useVoiceCall(start, failure);
}

/**
 * A voice call in the browser: start (local or LiveKit), type, mute, hang up; the tester and the
 * embeddable widget differ only in how a call starts and whether its record can be read.
 */
export function useVoiceCall(startCall: CallStarter, failureOf: FailureLookup) {
  const [phase, setPhase] = useState<CallPhase>({ kind: 'idle' });
  const [view, dispatch] = useReducer(viewReducer, emptyCallView);
  const [muted, setMuted] = useState(false);
  const mutedRef = useRef(false);
  const [firstAudioMs, setFirstAudioMs] = useState<number | null>(null);
  const [stats, setStats] = useState<PlaybackStats | null>(null);
  const media = useRef<LocalMedia | null>(null);
  const [chat, setChat] = useState<ChatSender | null>(null);

  const release = useCallback(() => {
    const current = media.current;
    media.current = null;
    if (!current) return;
    current.connection?.close();
    current.mic?.stop();
    current.player.close();
    void current.context.close();
  }, []);

  useEffect(() => release, [release]);

  /** The socket closed: an ended call, or a failure with the runtime's or the record's reason. */
  const closed = useCallback(
    async (
      call: StartedCall,
      code: number,
      reason: string,
      opened: boolean,
      fatal: string | null,
      micProblem: CallProblem | null,
    ) => {
      release();
      if (micProblem) {
        setPhase({ kind: 'failed', problem: micProblem, call });
      } else if (!opened && call.mode === 'local') {
        setPhase({ kind: 'failed', problem: unreachableProblem(call.url), call });
      } else if (code === 1000 && !fatal) {
        setPhase({ kind: 'ended', call });
      } else {
        const why = (await failureOf(call.callId)) || fatal || reason || `connection closed (${code})`;
        setPhase({ kind: 'failed', problem: failedCallProblem(why), call });
      }
    },
    [release, failureOf],
  );

  const start = useCallback(
    async (version?: number) => {
      const clickedAt = performance.now();
      release();
      dispatch({ type: 'reset' });
      setFirstAudioMs(null);
      setStats(null);
      setMuted(false);
      mutedRef.current = false;
      setPhase({ kind: 'starting' });
      // Created inside the click so the browser lets it play sound.
      const context = new AudioContext({ latencyHint: 'interactive' });
      // The call is created while the playback node loads: neither waits for the other.
      const [player, started] = await Promise.all([
        AgentPlayer.create(context, () => setFirstAudioMs(performance.now() - clickedAt)),
        startCall(version),
      ]);
      const current: LocalMedia = { context, mic: null, player, connection: null };
      media.current = current;
      player.subscribe(setStats);
      if (!started.ok) {
        release();
        setPhase({
          kind: 'failed',
          problem: { title: 'The call could not start', detail: started.error.message },
          call: null,
        });
        return;
      }
      const call = started.data;
      if (call.mode !== 'local') {
        // LiveKit carries the media itself (see LiveKitCall); the local capture is not needed.
        release();
        setPhase({ kind: 'live', call });
        return;
      }
      setPhase({ kind: 'connecting', call });
      let fatal: string | null = null;
      let micProblem: CallProblem | null = null;
      // The microphone opens when the session starts listening: what it hears before would be
      // dropped anyway, and its first words then reach the agent whatever the call took to start.
      const openMic = async () => {
        try {
          const mic = await MicCapture.start(context, (frame) => current.connection?.sendAudio(frame));
          if (media.current !== current) return mic.stop();
          mic.setMuted(mutedRef.current);
          current.mic = mic;
        } catch (error) {
          micProblem = microphoneProblem(error);
          current.connection?.hangUp();
        }
      };
      current.connection = new LocalConnection(call.url, call.token, {
        open: () => setPhase({ kind: 'live', call }),
        event: (event) => {
          dispatch({ type: 'event', event });
          if (event.type === 'session_started') void openMic();
        },
        audio: (samples, rate) => current.player.play(samples, rate),
        playback: (action) => current.player.control(action),
        callError: (error) => {
          if (error.fatal) fatal = error.message;
        },
        closed: (code, reason, opened) => void closed(call, code, reason, opened, fatal, micProblem),
      });
    },
    [startCall, release, closed],
  );

  /** Folds an event from a LiveKit call's parley.events topic into the view. */
  const receive = useCallback((event: SessionEvent) => dispatch({ type: 'event', event }), []);

  /** A LiveKit call's room is connected (a sender) or gone (null). */
  const attachChat = useCallback((send: ChatSender | null) => setChat(() => send), []);

  /** Types to the agent: over the local socket, or on lk.chat in a LiveKit room. */
  const sendText = useCallback(
    async (text: string) => {
      const connection = media.current?.connection;
      if (connection) connection.sendText(text);
      else if (chat) await chat(text);
    },
    [chat],
  );
  const canType = phase.kind === 'live' && (phase.call.mode === 'local' || chat !== null);

  /** Presses a keypad key: local calls only (a LiveKit room gets DTMF from the phone). */
  const sendDtmf = useCallback((digit: string) => media.current?.connection?.sendDtmf(digit), []);
  const canPress = phase.kind === 'live' && phase.call.mode === 'local';

  const toggleMute = useCallback(() => {
    setMuted((was) => {
      mutedRef.current = !was;
      media.current?.mic?.setMuted(!was);
      return !was;
    });
  }, []);

  const hangUp = useCallback(() => {
    if (media.current?.connection) media.current.connection.hangUp();
    else if (phase.kind === 'live' || phase.kind === 'connecting') setPhase({ kind: 'ended', call: phase.call });
  }, [phase]);

  return {
    phase,
    view,
    muted,
    firstAudioMs,
    stats,
    /** Analysers for the visualizer: the agent's output and the caller's microphone. */
    analysers: () => ({ agent: media.current?.player.analyser ?? null, caller: media.current?.mic?.analyser ?? null }),
    start,
    receive,
    attachChat,
    sendText,
    canType,
    sendDtmf,
    canPress,
    toggleMute,
    hangUp,
    setPhase,
  };
}

/** What useTestCall and useVoiceCall return. */
export type TestCall = ReturnType<typeof useVoiceCall>;
