import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '../../support/fixtures';
import { buildCallerWav } from './caller-audio';

/**
 * The shared fixtures plus a fake microphone: Chromium is launched (once per worker) with the
 * caller's WAV as its capture device, played once from when a page opens the microphone.
 */
export const test = base.extend<object, { callerWav: string }>({
  callerWav: [
    async ({}, use) => use(await buildCallerWav(join(tmpdir(), `parley-e2e-${process.pid}`))),
    { scope: 'worker' },
  ],
  launchOptions: [
    async ({ launchOptions, callerWav }, use) =>
      use({
        ...launchOptions,
        args: [
          ...(launchOptions.args ?? []),
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-audio-capture=${callerWav}%noloop`,
        ],
      }),
    { scope: 'worker' },
  ],
});

export { expect } from '../../support/fixtures';
