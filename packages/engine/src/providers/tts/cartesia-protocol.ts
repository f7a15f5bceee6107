/** Cartesia's TTS WebSocket messages (`/tts/websocket`), as documented. */

/** A generation request: one context per sentence, raw 16-bit PCM back. */
export interface CartesiaRequest {
  model_id: string;
  transcript: string;
  voice: { mode: 'id'; id: string };
  language?: string;
  context_id: string;
  output_format: { container: 'raw'; encoding: 'pcm_s16le'; sample_rate: number };
  /** False: this transcript is the whole input of its context. */
  continue: false;
}

/** Stops a context's generation. */
export interface CartesiaCancel {
  context_id: string;
  cancel: true;
}

/** What the server sends; `timestamps` and `flush_done` exist too and are ignored here. */
export type CartesiaResponse =
  | { type: 'chunk'; context_id: string; data: string; done: boolean; status_code?: number }
  | { type: 'done'; context_id: string; done: true; status_code?: number }
  | {
      type: 'error';
      context_id?: string;
      done?: boolean;
      status_code?: number;
      /** Older API versions put the text here... */
      error?: string;
      /** ...newer ones here. */
      message?: string;
      title?: string;
    }
  | { type: 'timestamps' | 'phoneme_timestamps' | 'flush_done'; context_id: string };

/** Parses one server message; null when it is not JSON of a known shape. */
export function parseCartesiaResponse(raw: string): CartesiaResponse | null {
  try {
    const value = JSON.parse(raw) as { type?: unknown };
    return typeof value?.type === 'string' ? (value as CartesiaResponse) : null;
  } catch {
    return null;
  }
}

/** The human text of an error message, whichever API version sent it. */
export function cartesiaErrorText(message: Extract<CartesiaResponse, { type: 'error' }>): string {
  return [message.title, message.message ?? message.error].filter(Boolean).join(': ');
}
