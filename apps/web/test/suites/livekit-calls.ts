import { describe, expect, it } from 'vitest';
import type { LiveKitTwirpDouble } from '../doubles/livekit-twirp';
import type { Api } from '../support/http';
import { twoAgentSpec } from '../support/specs';

/** The LiveKit URL browsers are given in the server's environment (LIVEKIT_PUBLIC_URL). */
export const BROWSER_LIVEKIT_URL = 'ws://livekit.public.test:7880';

/**
 * Test calls in LiveKit mode over HTTP: the server dispatches the agent through LIVEKIT_URL
 * (the double, as the server reaches it) and tells the browser LIVEKIT_PUBLIC_URL.
 */
export function liveKitCallsSuite(api: Api, livekit: () => LiveKitTwirpDouble): void {
  describe('test calls through LiveKit', () => {
    it('gives the browser LIVEKIT_PUBLIC_URL and dispatches the agent through LIVEKIT_URL', async () => {
      const flowId = (await api.post('/api/flows', twoAgentSpec('On LiveKit'))).body.flow.id as string;
      const started = await api.post(`/api/flows/${flowId}/calls`, {});
      expect(started.status).toBe(201);
      expect(started.body).toMatchObject({ mode: 'livekit', serverUrl: BROWSER_LIVEKIT_URL });
      expect(livekit().dispatches.map((d) => d.room)).toContain(started.body.room);
    });
  });
}
