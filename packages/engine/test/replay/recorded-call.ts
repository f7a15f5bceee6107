import type { TurnRecording } from '../../src/testing';
import { startTestSession } from '../../src/testing';
import { threeAgentFlow } from '../session/flows';
import { speechWav } from '../support';

/**
 * A real call recorded on the virtual clock: the caller speaks two turns, asks for a story by
 * text, then talks over it (an interruption). Session defaults: vad turn detection, minDelay 500.
 */
export async function recordCall(): Promise<TurnRecording> {
  const plan = threeAgentFlow({
    settings: { turnHandling: { interruption: { resumeFalseInterruption: false } }, providers: {}, language: 'en' },
  });
  const test = await startTestSession({ plan, recordCaller: true });
  await test.play(await speechWav('I would like to book a table'));
  await test.wait(1500);
  await test.play(await speechWav('For two people tonight please'));
  await test.wait(1500);
  test.sendText('Tell me a story');
  await test.wait(2500);
  await test.play(await speechWav('Hold on I need something else please'));
  await test.waitUntilIdle();
  await test.wait(1000);
  const recording = test.turnRecording();
  await test.close();
  return recording;
}
