import type { CallerInput, PcmFrame } from '@parley/engine';
import { describe, expect, it } from 'vitest';
import { CallerInputRelay } from '../../src/livekit/caller-input-relay';

/** A session's side of CallerInput: records what it was given, in order. */
function session() {
  const got: string[] = [];
  const input: CallerInput = {
    audio: (frame) => got.push(`audio:${frame.samples.length}`),
    text: (text) => got.push(`text:${text}`),
    hangup: () => got.push('hangup'),
  };
  return { got, input };
}

const frame = (n: number): PcmFrame => ({ samples: new Int16Array(n), sampleRate: 16000 });

describe('CallerInputRelay', () => {
  it('passes input straight on once the session is attached', () => {
    const relay = new CallerInputRelay();
    const s = session();
    relay.attach(s.input);
    relay.audio(frame(160));
    relay.text('hi');
    relay.hangup();
    expect(s.got).toEqual(['audio:160', 'text:hi', 'hangup']);
  });

  it('keeps text and a hang-up that come before the session, drops early audio', () => {
    const relay = new CallerInputRelay();
    relay.audio(frame(160));
    relay.text('first');
    relay.text('second');
    relay.hangup();
    const s = session();
    relay.attach(s.input);
    expect(s.got).toEqual(['text:first', 'text:second', 'hangup']);
  });

  it('hangs up once, however often the room reports the end', () => {
    const relay = new CallerInputRelay();
    const s = session();
    relay.attach(s.input);
    relay.hangup();
    relay.hangup();
    expect(s.got).toEqual(['hangup']);
  });
});
