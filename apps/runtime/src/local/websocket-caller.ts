import {
  CALLER_AUDIO_RATE,
  CallCloseCode,
  type CallErrorCode,
  decodeCallerAudio,
  encodeAgentAudio,
  MAX_MESSAGE_BYTES,
  parseClientMessage,
  type ServerMessage,
} from '@parley/calls';
import type { SessionEvent } from '@parley/engine';
import WebSocket from 'ws';
import type { CallOutcome, CallSink } from '../calls/call-sink';
import type { RunningCall } from '../calls/running-call';
import type { PlaybackAction } from '../isolation/ipc-messages';
import type { Logger } from '../log';
import { runtimeMetrics } from '../service/metrics';
import { closeCodeFor, closeReason } from './close-codes';
import { InboundAudioBudget, MAX_DROPPED_MS } from './inbound-audio-budget';

/** Bytes waiting on a socket past which agent audio is not sent (the client is not reading). */
export const OUTBOUND_AUDIO_LIMIT = 256 * 1024;
/** Bytes waiting on a socket past which the call is closed (client_too_slow). */
export const OUTBOUND_CLOSE_LIMIT = 1024 * 1024;

type RawData = WebSocket.RawData;

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.byteLength, 0);
  return data.byteLength;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/**
 * The caller on a local-mode WebSocket: binary frames are PCM 16 kHz mono in, text frames are
 * user_text / end_call; out go SessionEvents and playback messages as JSON and agent audio as
 * binary frames (see @parley/calls). A bad message gets a call_error and is dropped; an
 * oversized one ends the call (1009). Closing the socket hangs up.
 */
export class WebSocketCaller implements CallSink {
  private call: RunningCall | null = null;
  private hungUp = false;
  private finishedCall = false;
  private readonly inbound = new InboundAudioBudget();

  constructor(
    private readonly socket: WebSocket,
    private readonly log: Logger,
  ) {
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => this.hangup());
    socket.on('error', (error) => this.log.warn('call socket error', { error: error.message }));
  }

  /** Routes caller input to `call` from now on. */
  attach(call: RunningCall): void {
    this.call = call;
    if (this.hungUp) call.hangup();
  }

  /** Refuses the call: a fatal call_error, then the socket closes with the matching code. */
  refuse(code: CallErrorCode, message: string): void {
    this.finishedCall = true;
    this.post({ type: 'call_error', code, message, fatal: true });
    this.socket.close(closeCodeFor(code), closeReason(message));
  }

  event(event: SessionEvent): void {
    this.post(event);
  }

  audio(samples: Int16Array, sampleRate: number): void {
    if (this.socket.readyState !== WebSocket.OPEN || this.tooSlow()) return;
    if (this.socket.bufferedAmount > OUTBOUND_AUDIO_LIMIT) {
      runtimeMetrics.agentAudioDroppedFrames++;
      return;
    }
    this.socket.send(encodeAgentAudio(samples, sampleRate));
  }

  playback(action: PlaybackAction): void {
    this.post({ type: 'playback', action });
  }

  finished(outcome: CallOutcome): void {
    if (this.finishedCall) return;
    this.finishedCall = true;
    if (outcome.status === 'ended' && outcome.byRuntime) {
      this.socket.close(CallCloseCode.goingAway, 'the runtime is shutting down and ended the call');
    } else if (outcome.status === 'ended') {
      this.socket.close(CallCloseCode.ended, 'call ended');
    } else {
      this.refuse('call_failed', `the call failed: ${outcome.reason}`);
    }
  }

  private post(message: ServerMessage): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    if (message.type !== 'call_error' && this.tooSlow()) return;
    this.socket.send(JSON.stringify(message));
  }

  /** Ends the call when the client leaves more than OUTBOUND_CLOSE_LIMIT unread (its memory, not ours). */
  private tooSlow(): boolean {
    if (this.socket.bufferedAmount <= OUTBOUND_CLOSE_LIMIT) return false;
    if (this.finishedCall) return true;
    this.log.warn('client not reading: ending the call', { buffered: this.socket.bufferedAmount });
    runtimeMetrics.closed('client_too_slow');
    this.refuse(
      'client_too_slow',
      `the client left over ${OUTBOUND_CLOSE_LIMIT} bytes unread; read the socket as messages arrive`,
    );
    this.hangup();
    return true;
  }

  private hangup(): void {
    if (this.hungUp) return;
    this.hungUp = true;
    this.call?.hangup();
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.finishedCall) return;
    const size = byteLength(data);
    if (size > MAX_MESSAGE_BYTES) {
      this.log.warn('oversized message: ending the call', { bytes: size });
      this.refuse('message_too_large', `message of ${size} bytes is over the ${MAX_MESSAGE_BYTES}-byte limit`);
      this.hangup();
      return;
    }
    if (isBinary) {
      const samples = decodeCallerAudio(toBytes(data));
      if (samples) this.callerAudio(samples);
      else
        this.reject('bad_audio', `binary frame of ${size} bytes is not whole 16-bit samples (PCM s16le mono 16 kHz)`);
      return;
    }
    const parsed = parseClientMessage(new TextDecoder().decode(toBytes(data)));
    if (!parsed.ok) this.reject('bad_message', parsed.error);
    else if (parsed.message.type === 'user_text') this.call?.callerText(parsed.message.text);
    else if (parsed.message.type === 'dtmf') this.call?.callerDtmf(parsed.message.digit);
    else this.hangup();
  }

  /** Passes caller audio on at real time at most (see InboundAudioBudget); a flood ends the call. */
  private callerAudio(samples: Int16Array): void {
    const verdict = this.inbound.take(samples.length);
    if (verdict === 'accept') {
      this.call?.callerAudio(samples);
      return;
    }
    runtimeMetrics.callerAudioDroppedSeconds += samples.length / CALLER_AUDIO_RATE;
    if (verdict === 'drop') return;
    this.log.warn('caller audio faster than real time: ending the call', {
      droppedMs: Math.round(this.inbound.dropped),
    });
    runtimeMetrics.closed('audio_too_fast');
    this.refuse(
      'audio_too_fast',
      `caller audio arrived faster than real time (over ${MAX_DROPPED_MS / 1000} s beyond the clock); send 16 kHz audio as it is recorded`,
    );
    this.hangup();
  }

  /** One message dropped; the call goes on. */
  private reject(code: CallErrorCode, message: string): void {
    this.log.warn('caller message rejected', { code, message });
    this.post({ type: 'call_error', code, message, fatal: false });
  }
}
