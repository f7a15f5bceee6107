import { describe, expect, it } from 'vitest';
import { parseDelivery, typedLine } from '../../src/testing/voice/delivery';

describe('delivery markup', () => {
  it('reads pauses, barge-in, noise and fillers in order', () => {
    expect(
      parseDelivery('[barge-in 300ms] [noise -42.5dBFS] I was thinking ... [pause 0.9s] [um] about my claim'),
    ).toEqual({
      segments: [
        { kind: 'speech', text: 'I was thinking', filler: false },
        { kind: 'pause', ms: 900 },
        { kind: 'speech', text: 'um', filler: true },
        { kind: 'speech', text: 'about my claim', filler: false },
      ],
      bargeInMs: 300,
      noiseDbfs: -42.5,
      noiseMs: 2000,
      text: 'I was thinking um about my claim',
    });
    expect(parseDelivery('[noise -50dBFS 1500ms]')).toMatchObject({ segments: [], noiseMs: 1500, text: '' });
    expect(parseDelivery('[filler you know] yes')).toMatchObject({ text: 'you know yes' });
    expect(typedLine('yes [pause 400ms] please')).toBe('yes please');
  });

  it('names the markup it cannot read', () => {
    expect(() => parseDelivery('hello [pauze 900ms]')).toThrow(
      'unknown delivery markup [pauze 900ms]: use [pause 900ms], [barge-in 300ms], [noise -50dBFS] or [filler um]',
    );
    expect(() => parseDelivery('[pause 900]')).toThrow('[pause 900]: expected a duration such as 900ms or 1.5s');
    expect(() => parseDelivery('[noise 6dBFS]')).toThrow(/noise needs a level at or below 0 dBFS/);
    expect(() => parseDelivery('hello [pause 900ms')).toThrow('unclosed delivery markup in "hello [pause 900ms"');
    expect(() => parseDelivery('[pause 40s]')).toThrow('[pause 40s]: at most 30 s');
  });
});
