import { test as base } from '../../support/fixtures';
import { installScriptedMic } from './scripted-mic';

/** The shared fixtures plus a microphone the test speaks into on cue (see scripted-mic.ts). */
export const test = base.extend({
  page: async ({ page }, use) => {
    await installScriptedMic(page);
    await use(page);
  },
});

export { expect } from '../../support/fixtures';
