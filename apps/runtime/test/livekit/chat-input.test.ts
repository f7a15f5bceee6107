import { describe, expect, it } from 'vitest';
import { type ChatReader, chatInputHandler, chatText } from '../../src/livekit/chat-input';
import { createLogger } from '../../src/log';

/** A text-stream reader holding one whole message, as rtc-node hands it to a handler. */
function reader(text: string | Error) {
  const state = { read: false, closed: false };
  const value: ChatReader = {
    readAll: async () => {
      state.read = true;
      if (text instanceof Error) throw text;
      return text;
    },
    close: async () => {
      state.closed = true;
    },
  };
  return { value, state };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('chat input (lk.chat)', () => {
  it('trims messages and drops blank ones', () => {
    expect(chatText('  what are your hours?\n')).toBe('what are your hours?');
    expect(chatText(' \n\t ')).toBeNull();
    expect(chatText('')).toBeNull();
  });

  it('passes the linked caller’s messages on as user text', async () => {
    const texts: string[] = [];
    const handler = chatInputHandler({
      callerIdentity: () => 'caller-1',
      onText: (text) => texts.push(text),
      log: createLogger({}, () => undefined),
    });
    handler(reader(' book a table for two ').value, { identity: 'caller-1' });
    handler(reader('   ').value, { identity: 'caller-1' });
    await flush();
    expect(texts).toEqual(['book a table for two']);
  });

  it('ignores (and releases) messages from anyone but the linked caller', async () => {
    const texts: string[] = [];
    let caller: string | null = null;
    const handler = chatInputHandler({
      callerIdentity: () => caller,
      onText: (text) => texts.push(text),
      log: createLogger({}, () => undefined),
    });
    const before = reader('too early');
    handler(before.value, { identity: 'caller-1' });
    caller = 'caller-1';
    const other = reader('I am someone else');
    handler(other.value, { identity: 'observer' });
    await flush();
    expect(texts).toEqual([]);
    expect(before.state).toEqual({ read: false, closed: true });
    expect(other.state).toEqual({ read: false, closed: true });
  });

  it('logs a stream that fails while being read', async () => {
    const lines: string[] = [];
    const handler = chatInputHandler({
      callerIdentity: () => 'caller-1',
      onText: () => undefined,
      log: createLogger({}, (line) => lines.push(line)),
    });
    handler(reader(new Error('stream reset')).value, { identity: 'caller-1' });
    await flush();
    expect(lines.join('\n')).toContain('stream reset');
  });
});
