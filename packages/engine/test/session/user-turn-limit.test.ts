import { describe, expect, it } from 'vitest';
import { UserTurnLimitMonitor } from '../../src/session/user-turn-limit';
import { VirtualClock } from '../../src/testing';

describe('user turn limit by words', () => {
  it('cuts in once when the turn’s transcripts pass maxWords, counting earlier finals', () => {
    const lines: string[] = [];
    const monitor = new UserTurnLimitMonitor(new VirtualClock(), { maxWords: 5, line: 'Let me stop you there.' }, (l) =>
      lines.push(l),
    );
    monitor.transcript('one two three', true);
    monitor.transcript('four five', false);
    expect(lines).toEqual([]);
    monitor.transcript('four five six', false);
    monitor.transcript('four five six seven', true);
    expect(lines).toEqual(['Let me stop you there.']);
    monitor.turnEnded();
    monitor.transcript('a b c', true);
    expect(lines).toHaveLength(1);
  });
});
