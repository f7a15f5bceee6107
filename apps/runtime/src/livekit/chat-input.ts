import type { Logger } from '../log';

/** The part of rtc-node's TextStreamReader a chat message needs. */
export interface ChatReader {
  readAll(): Promise<string>;
  close(): Promise<void>;
}

export interface ChatInputOptions {
  /** Only the linked caller speaks for the user; others' messages are dropped. */
  callerIdentity: () => string | null;
  onText(text: string): void;
  log: Logger;
}

/** The user text a chat message carries (trimmed), or null when it is blank. */
export function chatText(raw: string): string | null {
  const text = raw.trim();
  return text ? text : null;
}

/** A handler for `lk.chat` text streams, as Room.registerTextStreamHandler calls it. */
export function chatInputHandler(
  options: ChatInputOptions,
): (reader: ChatReader, sender: { identity: string }) => void {
  return (reader, sender) => {
    if (sender.identity !== options.callerIdentity()) {
      // An unread stream keeps its native subscription alive until closed.
      void reader.close();
      return;
    }
    reader
      .readAll()
      .then((raw) => {
        const text = chatText(raw);
        if (text) options.onText(text);
      })
      .catch((error: unknown) => options.log.warn('cannot read a chat message', { error: String(error) }));
  };
}
