import { describe, expect, it } from 'vitest';
import { failedCallProblem, microphoneProblem, unreachableProblem } from '../../src/tester/call/call-problems';

describe('call problems a user can act on', () => {
  it('explains a denied, missing or busy microphone', () => {
    expect(microphoneProblem(new DOMException('denied', 'NotAllowedError')).title).toBe('Microphone access was denied');
    expect(microphoneProblem(new DOMException('none', 'NotFoundError')).title).toBe('No microphone found');
    expect(microphoneProblem(new DOMException('busy', 'NotReadableError')).title).toBe('The microphone is busy');
  });

  it('names the missing provider key from the runtime reason', () => {
    const problem = failedCallProblem(
      "the session could not start: DEEPGRAM_API_KEY is not set: the flow's STT is deepgram",
    );
    expect(problem.title).toBe('Provider key missing: DEEPGRAM_API_KEY');
    expect(problem.detail).toContain("The flow's STT is deepgram, which needs DEEPGRAM_API_KEY");
    expect(problem.detail).toContain('Add it as a workspace secret (Settings)');
    expect(failedCallProblem('the call process stopped').title).toBe('The call failed');
  });

  it('says where the unreachable runtime was expected', () => {
    expect(unreachableProblem('ws://127.0.0.1:3001/calls/x/ws').detail).toContain('ws://127.0.0.1:3001');
  });
});
