import type { CallErrorMessage, PlaybackMessage, SessionEvent } from '../types';

/** What a local-mode connection reports. */
export interface LocalConnectionHandlers {
  open(): void;
  event(event: SessionEvent): void;
  audio(samples: Int16Array, sampleRate: number): void;
  playback(action: PlaybackMessage['action']): void;
  callError(error: CallErrorMessage): void;
  /** The socket closed; `opened` says whether it ever connected (false: the runtime was unreachable). */
  closed(code: number, reason: string, opened: boolean): void;
}

/**
 * The browser's end of the runtime's local-mode WebSocket (protocol in @parley/calls): JSON
 * SessionEvents, playback and call_error messages and binary agent audio in; caller audio
 * (binary PCM 16 kHz) and user_text / end_call out.
 */
export class LocalConnection {
  private readonly socket: WebSocket;
  private opened = false;

  constructor(url: string, token: string, handlers: LocalConnectionHandlers) {
    this.socket = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onopen = () => {
      this.opened = true;
      handlers.open();
    };
    this.socket.onmessage = (message: MessageEvent<ArrayBuffer | string>) => {
      if (typeof message.data === 'string') {
        const parsed = JSON.parse(message.data) as SessionEvent | CallErrorMessage | PlaybackMessage;
        if (parsed.type === 'call_error') handlers.callError(parsed);
        else if (parsed.type === 'playback') handlers.playback(parsed.action);
        else handlers.event(parsed);
        return;
      }
      // [sample rate: uint32 LE][PCM s16le]; the PCM is copied so it starts at an even offset.
      const view = new DataView(message.data);
      if (message.data.byteLength < 4) return;
      handlers.audio(new Int16Array(message.data.slice(4)), view.getUint32(0, true));
    };
    this.socket.onclose = (event) => handlers.closed(event.code, event.reason, this.opened);
  }

  /** Sends one frame of caller audio (PCM 16 kHz mono s16). */
  sendAudio(frame: Int16Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(frame);
  }

  /** The caller types `text`. */
  sendText(text: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'user_text', text }));
  }

  /** The caller presses one keypad key (0-9, *, #). */
  sendDtmf(digit: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'dtmf', digit }));
  }

  /** Hangs up: the runtime ends the session and closes the socket once the call is recorded. */
  hangUp(): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'end_call' }));
    else this.socket.close();
  }

  /** Drops the connection without waiting for the runtime. */
  close(): void {
    this.socket.close();
  }
}
