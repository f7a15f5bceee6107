import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/flow';
import { runScenario } from '../../src/testing/scenario-runner';
import { claimsFlow } from './voice-flows';

const pauseScenario: Scenario = {
  id: 'thinking-pause',
  name: 'A caller who stops to think mid-sentence',
  mode: 'voice',
  turns: [{ user: 'I was thinking ... [pause 900ms] ... about my claim', expect: [] }],
};

function checksOf(result: Awaited<ReturnType<typeof runScenario>>) {
  return result.steps.flatMap((step) => step.voice?.checks ?? []);
}

describe('voice scenarios: spoken lines through VAD, PocketSphinx and turn taking on a virtual clock', () => {
  it('a 900 ms mid-sentence pause is cut off under fixed minDelay 500', async () => {
    const spec = claimsFlow({ endpointing: { mode: 'fixed', minDelay: 500 } }, pauseScenario);
    const result = await runScenario(spec, pauseScenario);
    expect(result.error).toBeNull();
    expect(result.status).toBe('failed');
    const [check] = checksOf(result);
    expect(check).toMatchObject({ check: 'no_cut_off', status: 'failed' });
    expect(check?.reason).toMatch(/^the agent took the turn \d+ ms into a 900 ms pause, cutting the caller off$/);
    const voice = result.steps[0]?.voice;
    expect(voice?.cutOffs).toHaveLength(1);
    const pause = voice?.pauses[0];
    expect(pause && pause.to - pause.from).toBe(900);
  });

  it('the same pause is waited out with minDelay 1000, and the whole sentence is answered', async () => {
    const spec = claimsFlow({ endpointing: { mode: 'fixed', minDelay: 1000 } }, pauseScenario);
    const result = await runScenario(spec, pauseScenario);
    expect(result.error).toBeNull();
    expect(checksOf(result)).toEqual([
      { check: 'no_cut_off', status: 'passed', reason: 'the agent waited through every marked pause' },
    ]);
    expect(result.status).toBe('passed');
    const voice = result.steps[0]?.voice;
    expect(voice?.endOfTurns).toHaveLength(1);
    // minDelay counts from the VAD's end of speech, a few ms inside the trimmed word's tail.
    expect(voice?.responseDelayMs).toBeGreaterThan(950);
    // Both halves heard, one answer to the whole sentence.
    expect(result.steps[0]?.transcript).toEqual([
      { kind: 'user', text: 'I was thinking' },
      { kind: 'user', text: 'about my claim' },
      { kind: 'assistant', agentId: 'claims', text: 'Sure, what is your claim number?' },
    ]);
    // A virtual clock: the session covered more time than the test took.
    expect(result.sessionMs).toBeGreaterThan(result.durationMs);
  });

  it('a barge-in 300 ms into the reply is detected as an interruption and the reply truncated', async () => {
    const scenario: Scenario = {
      id: 'barge-in',
      name: 'The caller talks over a long answer',
      mode: 'voice',
      turns: [
        { user: 'tell me a story', expect: [{ kind: 'says', pattern: 'Once upon a time' }] },
        {
          user: '[barge-in 300ms] hold on I need something else please',
          expect: [{ kind: 'says', pattern: 'what else' }],
        },
      ],
    };
    const spec = claimsFlow({ interruption: { minDuration: 500, resumeFalseInterruption: false } }, scenario);
    const result = await runScenario(spec, scenario);
    expect(result.error).toBeNull();
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    const voice = result.steps[1]?.voice;
    expect(voice?.checks[0]).toMatchObject({ check: 'interruption_handled', status: 'passed' });
    expect(voice?.interruption?.truncated).toBe(true);
    const bargedAt = voice!.interruption!.at;
    const storyStart = result.steps[0]!.voice!.agentSpeech[0]!.from;
    expect(bargedAt - storyStart).toBeGreaterThanOrEqual(300);
    expect(voice!.interruption!.detectedAt! - bargedAt).toBeLessThanOrEqual(500 + 32 + 40);
    const story = result.steps[0]?.transcript.find((l) => l.kind === 'assistant');
    expect(story?.kind === 'assistant' && story.text).not.toContain('Callers loved it.');
  });

  it('a barge-in is reported missed when interruptions are off', async () => {
    const scenario: Scenario = {
      id: 'barge-in-off',
      name: 'The caller talks over an agent that cannot be interrupted',
      mode: 'voice',
      turns: [
        { user: 'tell me a story', expect: [] },
        { user: '[barge-in 300ms] hold on I need something else please', expect: [] },
      ],
    };
    const spec = claimsFlow({ interruption: { enabled: false } }, scenario);
    const result = await runScenario(spec, scenario);
    expect(result.status).toBe('failed');
    expect(result.steps[1]?.voice?.checks[0]).toEqual({
      check: 'interruption_handled',
      status: 'failed',
      reason: 'the caller talked over the agent, but it kept speaking (interruption missed)',
    });
  });

  it('background noise at -50 dBFS with no words triggers no turn', async () => {
    const scenario: Scenario = {
      id: 'noise',
      name: 'A quiet line hiss, then a real question',
      mode: 'voice',
      turns: [
        { user: '[noise -50dBFS 3000ms]', expect: [] },
        { user: '[noise -50dBFS] I was thinking about my claim', expect: [{ kind: 'says', pattern: 'claim number' }] },
      ],
    };
    const result = await runScenario(claimsFlow({}, scenario), scenario);
    expect(result.error).toBeNull();
    expect(result.steps[0]?.voice?.checks).toEqual([
      { check: 'no_turn', status: 'passed', reason: 'the agent took no turn on a line with no words' },
    ]);
    expect(result.steps[0]?.voice?.endOfTurns).toEqual([]);
    // The same noise under words still lets the caller through.
    expect(result.steps[1]?.status).toBe('passed');
    expect(result.steps[1]?.voice?.endOfTurns).toHaveLength(1);
  });
});
