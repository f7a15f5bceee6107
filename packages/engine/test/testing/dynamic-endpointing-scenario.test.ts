import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/flow';
import { runScenario } from '../../src/testing/scenario-runner';
import { claimsFlow } from './voice-flows';

// Two turns in which the caller stops to think for 1200 ms (the agent cuts in, the caller goes
// on over it), then the 900 ms pause the issue names.
const trainingThenPause: Scenario = {
  id: 'trained-pause',
  name: 'A caller who pauses to think, turn after turn',
  mode: 'voice',
  turns: [
    { user: 'I was thinking ... [pause 1200ms] ... about my claim', expect: [] },
    { user: 'I was thinking ... [pause 1200ms] ... about my claim', expect: [] },
    { user: 'I was thinking ... [pause 900ms] ... about my claim', expect: [] },
  ],
};

const cutOff = (result: Awaited<ReturnType<typeof runScenario>>) =>
  result.steps.map((step) => step.voice?.checks.find((c) => c.check === 'no_cut_off')?.status);

describe('dynamic endpointing trained on the caller, through the real voice session on a virtual clock', () => {
  it('learns from the pauses the agent cut short and waits out the 900 ms pause that fixed 500 ms cuts', async () => {
    const endpointing = { minDelay: 500, maxDelay: 3000, alpha: 0.5 };
    const dynamic = await runScenario(
      claimsFlow({ endpointing: { ...endpointing, mode: 'dynamic' } }, trainingThenPause),
      trainingThenPause,
    );
    expect(dynamic.error).toBeNull();
    // The training turns are cut off, each a little later than the one before...
    expect(cutOff(dynamic)).toEqual(['failed', 'failed', 'passed']);
    const delays = dynamic.steps.map((step) => step.voice?.responseDelayMs ?? 0);
    expect(delays[1]).toBeGreaterThan(delays[0]!);
    // ...and the third turn's reply comes once, after the whole sentence, later than 900 ms.
    expect(dynamic.steps[2]?.voice?.endOfTurns).toHaveLength(1);
    expect(delays[2]).toBeGreaterThan(900);

    // The same caller under fixed 500 ms: nothing is learned, the 900 ms pause is cut off too.
    const fixed = await runScenario(
      claimsFlow({ endpointing: { ...endpointing, mode: 'fixed' } }, trainingThenPause),
      trainingThenPause,
    );
    expect(cutOff(fixed)).toEqual(['failed', 'failed', 'failed']);
  });
});
