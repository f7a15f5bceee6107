import { describe, expect, it } from 'vitest';
import { decodeAgentAudio, decodeCallerAudio, encodeAgentAudio, parseClientMessage } from '../src';

describe('local-mode protocol', () => {
  it('round-trips agent audio with its sample rate', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768]);
    const decoded = decodeAgentAudio(encodeAgentAudio(samples, 22050));
    expect(decoded.sampleRate).toBe(22050);
    expect([...decoded.samples]).toEqual([...samples]);
  });

  it('reads agent audio that sits at an odd offset of a larger buffer', () => {
    const frame = encodeAgentAudio(Int16Array.from([5, -5]), 24000);
    const padded = new Uint8Array(frame.byteLength + 1);
    padded.set(frame, 1);
    expect([...decodeAgentAudio(padded.subarray(1)).samples]).toEqual([5, -5]);
  });

  it('refuses an agent audio frame with half a sample', () => {
    expect(() => decodeAgentAudio(new Uint8Array(7))).toThrow(/whole 16-bit samples/);
  });

  it('copies caller audio out of a shared buffer and refuses odd lengths', () => {
    const pool = new Uint8Array(100);
    pool.set([1, 0, 255, 255], 11);
    const samples = decodeCallerAudio(pool.subarray(11, 15));
    expect(samples && [...samples]).toEqual([1, -1]);
    expect(samples?.buffer.byteLength).toBe(4);
    expect(decodeCallerAudio(new Uint8Array(3))).toBeNull();
  });

  it('parses the client messages', () => {
    expect(parseClientMessage('{"type":"user_text","text":"hi"}')).toEqual({
      ok: true,
      message: { type: 'user_text', text: 'hi' },
    });
    expect(parseClientMessage('{"type":"end_call"}')).toEqual({ ok: true, message: { type: 'end_call' } });
    for (const digit of ['0', '9', '*', '#']) {
      expect(parseClientMessage(JSON.stringify({ type: 'dtmf', digit }))).toEqual({
        ok: true,
        message: { type: 'dtmf', digit },
      });
    }
  });

  it.each([
    ['not json', /not JSON/],
    ['{"type":"dance"}', /type dance is not a valid message/],
    ['{"type":"user_text"}', /user_text is not a valid message \(text/],
    ['[1,2]', /type \(none\)/],
    ['{"type":"dtmf","digit":"12"}', /dtmf is not a valid message \(digit: expected one key: 0-9, \* or #/],
    ['{"type":"dtmf","digit":"A"}', /digit: expected one key/],
    ['{"type":"dtmf"}', /digit: expected one key/],
  ])('explains what is wrong with %j', (text, error) => {
    const parsed = parseClientMessage(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});
