import { describe, expect, it } from 'vitest';
import { compile } from '../../src/flow';
import { isPocketsphinxAvailable } from '../../src/providers/stt/pocketsphinx';
import { receptionistTemplate } from '../../src/templates/receptionist';
import { startTestSession } from '../../src/testing';
import { speechWav } from '../support';

describe('offline path: Silero VAD, PocketSphinx STT with the template phrases, espeak, scripted LLM', () => {
  it('hears "I have a question about my bill" exactly and hands the caller to billing', async () => {
    // No skip: CI installs these, and a machine without them must say so loudly.
    expect(isPocketsphinxAvailable(), 'pocketsphinx is missing: apt-get install pocketsphinx pocketsphinx-en-us').toBe(
      true,
    );
    const test = await startTestSession({ plan: compile(receptionistTemplate.spec) });
    const result = await test.run({ audio: await speechWav('I have a question about my bill') });

    result.expect.nextEvent().isMessage({ role: 'user', content: 'I have a question about my bill' });
    result.expect.containsFunctionCall({ name: 'transfer_to_billing' });
    result.expect.containsAgentHandoff({ newAgent: 'billing' });
    result.expect.containsMessage({ role: 'assistant', content: 'Billing here. What is your invoice number?' });
    expect(test.session.activeAgentId).toBe('billing');
    const turnEnd = result.events.find((e) => e.type === 'end_of_turn');
    expect(turnEnd).toMatchObject({ mode: 'vad' });
    await test.close();
  });
});
