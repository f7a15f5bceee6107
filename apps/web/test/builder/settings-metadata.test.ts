import { turnHandlingSettings } from '@parley/engine/flow';
import { describe, expect, it } from 'vitest';
import {
  formatSetting,
  settingDefault,
  settingGroups,
  settingsMetadata,
} from '../../src/builder/settings/settings-metadata';

describe('settings forms read the engine settings schema', () => {
  it('shows one field per setting, and one per listed key of a map', () => {
    const expected = turnHandlingSettings.flatMap((s) =>
      s.map ? Object.keys(s.keys ?? {}).map((key) => `${s.path}.${key}`) : [s.path],
    );
    expect(settingsMetadata.map((m) => m.path)).toEqual(expected);
    expect(settingsMetadata.find((m) => m.path === 'turnModel.thresholds.en')?.label).toBe('English threshold');
  });

  it('gives every field a label, help, a default, and numbers a unit and a lower bound', () => {
    for (const meta of settingsMetadata) {
      expect(meta.label, meta.path).not.toBe('');
      expect(meta.help, meta.path).not.toBe('');
      expect(settingDefault(meta), meta.path).not.toBeUndefined();
      if (meta.input.type !== 'number') continue;
      expect(meta.unit, meta.path).not.toBe('');
      expect(meta.input.min, meta.path).toBeTypeOf('number');
    }
  });

  it('prints defaults with their unit, grouped in schema order', () => {
    const minDelay = settingsMetadata.find((m) => m.path === 'endpointing.minDelay');
    if (!minDelay) throw new Error('endpointing.minDelay is not shown');
    expect(formatSetting(settingDefault(minDelay), minDelay)).toBe('500 ms');
    expect(settingGroups).toEqual([...new Set(turnHandlingSettings.map((s) => s.group))]);
  });
});
