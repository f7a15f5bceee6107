import { describe, expect, it } from 'vitest';
import { speechSettings } from '../../src/flow';

describe('speechSettings', () => {
  it('reads labels, units, bounds and defaults off speech-schema.ts', () => {
    expect(speechSettings.maxWords).toMatchObject({ label: 'Max words', unit: 'words', min: 1 });
    expect(speechSettings.maxDurationMs).toMatchObject({ label: 'Max duration', unit: 'ms', min: 1000 });
    expect(speechSettings.line.default).toBe('Sorry to cut in. Let me make sure I have that right.');
    expect(speechSettings.filterMarkup.default).toBe(false);
    expect(speechSettings.pronunciations.help).toMatch(/case-insensitive/);
  });
});
