import { describe, expect, it } from 'vitest';
import { startTestSession } from '../../src/testing';
import { startOpenAiDouble } from '../doubles/openai';
import { threeAgentFlow } from '../session/flows';
import { speechWav } from '../support';

describe('spoken handoff (Silero VAD, OpenAI STT client against its double, espeak)', () => {
  it('hands a spoken billing question to Billing', async () => {
    const double = await startOpenAiDouble({ transcription: [[{ text: 'I need help with a refund' }]] });
    const plan = threeAgentFlow({
      settings: { turnHandling: {}, providers: { stt: { provider: 'openai' } }, language: 'en' },
    });
    const test = await startTestSession({
      plan,
      secrets: { OPENAI_API_KEY: double.apiKey },
      baseUrls: { openai: double.baseUrl },
    });
    const result = await test.run({ audio: await speechWav('I need help with a refund') });
    result.expect.nextEvent().isMessage({ role: 'user', content: 'I need help with a refund' });
    result.expect.nextEvent().isFunctionCall({ name: 'transfer_to_billing' });
    result.expect.skipNext().nextEvent().isAgentHandoff({ newAgent: 'billing' });
    result.expect.nextEvent().isMessage({ role: 'assistant', pattern: /Billing/ });
    const upload = double.requests.find((r) => r.path.endsWith('/audio/transcriptions'));
    expect(upload).toBeDefined();
    const metrics = result.events.find((e) => e.type === 'metrics');
    expect(metrics?.type === 'metrics' && metrics.metrics.endOfUtteranceDelay).toBeGreaterThanOrEqual(500);
    await test.close();
    await double.close();
  });
});
