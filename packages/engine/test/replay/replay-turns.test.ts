import { beforeAll, describe, expect, it } from 'vitest';
import { turnHandlingDefaults } from '../../src/flow';
import { expectReplays, type ReplayResult, replayTurns, type TurnRecording } from '../../src/testing';
import { activeRegions, concat, silence, speechWav } from '../support';
import { recordCall } from './recorded-call';

/** One Silero window at 16 kHz. */
const vadWindowMs = 32;

let recording: TurnRecording;
let baseline: ReplayResult;

beforeAll(async () => {
  recording = await recordCall();
  baseline = await replayTurns(recording);
});

const decisions = (result: ReplayResult) => result.turns.map((row) => row.replay?.decidedAt ?? null);
const interruptedAt = (result: ReplayResult) => result.interruptions.map((row) => row.replay.interruptedAt);

describe('replayTurns on a recorded session', () => {
  it('with its own settings reproduces every recorded decision within one VAD window', () => {
    const recorded = recording.events.filter((e) => e.type === 'end_of_turn');
    expect(recorded.length).toBe(3);
    expect(baseline.turns.length).toBe(recorded.length);
    for (const row of baseline.turns) {
      expect(row.replay, 'a replayed turn for each recorded one').not.toBeNull();
      expect(row.recorded, 'a recorded turn for each replayed one').not.toBeNull();
      expect(Math.abs(row.replay!.decidedAt - row.recorded!.decidedAt)).toBeLessThanOrEqual(vadWindowMs);
      expect(row.replay!.delay).toBe(row.recorded!.delay);
    }
    // The caller's barge-in over the story fires in the replay too, at the same moment.
    const story = baseline.interruptions.find((row) => row.recorded.interruptedAt !== null);
    expect(story?.replay.interruptedAt).not.toBeNull();
    expect(Math.abs(story!.replay.interruptedAt! - story!.recorded.interruptedAt!)).toBeLessThanOrEqual(vadWindowMs);
    expect(baseline.totals.replay).toMatchObject({ turns: 3, cutOffs: 0, interruptions: 1, missedInterruptions: 0 });
    expect(baseline.totals.recorded).toMatchObject({ turns: 3, cutOffs: 0, interruptions: 1 });
  });

  it('a higher minDelay decides every turn later, minDelay after the end of speech', async () => {
    const later = await replayTurns(recording, { endpointing: { minDelay: 1000 } });
    expect(later.turns.length).toBe(baseline.turns.length);
    later.turns.forEach((row, i) => {
      expect(row.replay!.decidedAt - row.speechEndAt).toBe(1000);
      expect(row.replay!.decidedAt).toBeGreaterThan(decisions(baseline)[i]! + 300);
      expect(row.replay!.delay).toBe(1000);
    });
  });

  it('a lower activationThreshold hears speech longer (later decisions) and interrupts sooner', async () => {
    const eager = await replayTurns(recording, { vad: { activationThreshold: 0.2 } });
    expect(eager.turns.length).toBe(baseline.turns.length);
    for (const [i, row] of eager.turns.entries()) {
      expect(row.replay!.decidedAt).toBeGreaterThanOrEqual(decisions(baseline)[i]!);
    }
    expect(eager.turns.some((row, i) => row.replay!.decidedAt > decisions(baseline)[i]!)).toBe(true);
    const [eagerStory, baseStory] = [interruptedAt(eager)[1], interruptedAt(baseline)[1]];
    expect(eagerStory).not.toBeNull();
    expect(eagerStory!).toBeLessThan(baseStory!);
  });

  it('a high activationThreshold lets the barge-in through late or not at all (a missed interruption)', async () => {
    const deaf = await replayTurns(recording, { vad: { activationThreshold: 0.9 } });
    const story = interruptedAt(deaf)[1];
    if (story === null) expect(deaf.totals.replay.missedInterruptions).toBe(1);
    else expect(story).toBeGreaterThan(interruptedAt(baseline)[1]!);
  });

  it('refuses turn detection it cannot replay, naming it', async () => {
    await expect(replayTurns(recording, { turnDetection: 'manual' })).rejects.toThrow(/"manual" cannot be replayed/);
  });
});

describe('cut-offs on a crafted recording', () => {
  let crafted: TurnRecording;
  beforeAll(async () => {
    const voiced = async (text: string) => {
      const { samples } = await speechWav(text);
      const regions = activeRegions(samples);
      const [from, to] = [regions[0]!.startMs * 16, regions.at(-1)!.endMs * 16];
      return samples.subarray(from, to);
    };
    // "I would like to book a table ... for two people tonight": 700 ms of silence mid-sentence.
    const caller = concat(
      silence(400),
      await voiced('I would like to book a table'),
      silence(700),
      await voiced('for two people tonight'),
      silence(2000),
    );
    crafted = { caller, callerStartMs: 0, agentSpeech: [], events: [], settings: turnHandlingDefaults };
  });

  it('minDelay 500 takes the turn in the pause: the caller goes on, a cut-off', async () => {
    const result = await replayTurns(crafted, { endpointing: { minDelay: 500 } });
    expect(result.turns.length).toBe(2);
    expect(result.turns[0]!.replay!.cutOff).toBe(true);
    expect(result.turns[1]!.replay!.cutOff).toBe(false);
    expect(result.totals.replay.cutOffs).toBe(1);
    expect(() => expectReplays([result], ['booking']).noCutOffs()).toThrow(/booking: turn ending at/);
  });

  it('minDelay 900 waits the pause out: one turn, no cut-off', async () => {
    const result = await replayTurns(crafted, { endpointing: { minDelay: 900 } });
    expect(result.turns.length).toBe(1);
    expect(result.totals.replay.cutOffs).toBe(0);
    expectReplays([result]).noCutOffs();
  });

  it('keeps each recorded reply time after its decision: a longer minDelay answers later by as much', async () => {
    const recorded = await replayTurns(crafted, { endpointing: { minDelay: 900 } });
    const decidedAt = recorded.turns[0]!.replay!.decidedAt;
    const call: TurnRecording = {
      ...crafted,
      settings: recorded.settings,
      events: [{ type: 'end_of_turn', mode: 'vad', probability: null, delay: 900, t: decidedAt }],
      agentSpeech: [{ startMs: decidedAt + 400, endMs: decidedAt + 1400 }],
    };
    const same = await replayTurns(call);
    expect(same.turns[0]!.recorded!.responseDelay).toBe(same.turns[0]!.replay!.responseDelay);
    const slower = await replayTurns(call, { endpointing: { minDelay: 1200 } });
    expect(slower.turns[0]!.replay!.agentStartAt).toBe(slower.turns[0]!.replay!.decidedAt + 400);
    expect(slower.turns[0]!.replay!.responseDelay! - same.turns[0]!.replay!.responseDelay!).toBe(300);
    expect(slower.totals.replay.medianResponseDelay).toBe(slower.turns[0]!.replay!.responseDelay);
    expect(() => expectReplays([slower]).responseDelayAtMost(1000)).toThrow(/recording 1: turn ending at/);
  });
});
