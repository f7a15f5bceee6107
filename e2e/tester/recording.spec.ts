import { templates } from '../../packages/engine/src/templates';
import { createFlow } from '../support/api';
import { builder } from '../support/builder-page';
import { expect, test } from './support/fixtures';
import { loadLine, sayLine } from './support/scripted-mic';

const receptionist = templates.find((t) => t.id === 'receptionist')?.spec;
const BILL = 'I have a question about my bill';

test.use({ permissions: ['microphone'] });

test('a recorded spoken test call: review both waveforms and events, replay with minDelay raised, apply to the draft', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  const id = await createFlow(request, { ...receptionist, name: 'Recorded call' });
  await page.goto(`/flows/${id}`);
  await loadLine(page, BILL);

  // Recording every call is a setting of the flow record (Session tab), saved at once, off by default.
  await page.getByRole('tab', { name: 'Session' }).click();
  const recordAll = page.getByRole('checkbox', { name: 'Record every call of this flow' });
  await expect(recordAll).not.toBeChecked();
  await recordAll.check();
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/flows/${id}/recording`)).json()) as { recordCalls: boolean }).recordCalls,
    )
    .toBe(true);
  await recordAll.uncheck();
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/flows/${id}/recording`)).json()) as { recordCalls: boolean }).recordCalls,
    )
    .toBe(false);
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  const tester = page.getByRole('complementary', { name: 'Tester' });

  // Tick "Record", then talk: the greeting, the question about the bill, the handoff to billing.
  await tester.getByRole('checkbox', { name: 'Record' }).check();
  await tester.getByRole('button', { name: 'Start call' }).click();
  const status = tester.getByTestId('agent-status');
  await expect(status).toHaveAttribute('data-state', 'listening', { timeout: 20_000 });
  // During the call the inspector folds away (canvas and tester get the room) until pinned.
  await expect(page.getByRole('complementary', { name: 'Inspector', exact: true })).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Inspector (folded during the call)' })).toBeVisible();
  await sayLine(page, BILL);
  await expect(tester.getByRole('list', { name: 'Timeline' })).toContainText('Handoff reception → billing', {
    timeout: 20_000,
  });
  // The canvas follows the call to the agent it is in.
  await expect(builder(page).node('billing')).toBeInViewport();
  const during = testInfo.outputPath('tester-during-call-1440x900.png');
  await page.screenshot({ path: during });
  await testInfo.attach('builder during a call (inspector folded)', { path: during, contentType: 'image/png' });
  await expect(status).toHaveAttribute('data-state', 'listening', { timeout: 20_000 });
  await tester.getByRole('button', { name: 'Hang up' }).click();

  // The tester's history leads to the call's review (a full page: the waveforms need the width).
  await tester.getByRole('tab', { name: 'History' }).click();
  await tester.getByTestId('call-row').first().getByRole('button', { name: 'Replay' }).click();
  await tester.getByRole('link', { name: /Review the recording/ }).click();
  const review = page.getByRole('region', { name: 'Recording' });
  await expect(review.getByRole('img', { name: 'Caller waveform' })).toBeVisible({ timeout: 20_000 });
  await expect(review.getByRole('img', { name: 'Agent waveform' })).toBeVisible();
  const events = review.getByRole('list', { name: 'Call events' });
  await expect(events.getByRole('button', { name: /^End of turn/ }).first()).toBeAttached();
  await expect(events.getByRole('button', { name: /^Handoff reception → billing/ })).toBeAttached();
  await expect(events.getByRole('button', { name: /^Agent speaking/ }).first()).toBeAttached();

  // Clicking an event seeks the player there.
  const handoff = events.getByRole('button', { name: /^Handoff reception → billing/ });
  const handoffAt = Number(/at ([\d.]+) s$/.exec((await handoff.getAttribute('aria-label')) ?? '')?.[1]);
  await handoff.click({ force: true });
  await expect
    .poll(() => review.locator('audio').evaluate((audio: HTMLAudioElement) => audio.currentTime))
    .toBeCloseTo(handoffAt, 0);

  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await review.scrollIntoViewIfNeeded();
    const path = testInfo.outputPath(`recording-review-${width}x${height}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`call review ${width}x${height}`, { path, contentType: 'image/png' });
  }

  // Replay with the call's own settings, then with minDelay raised: the turn is decided later.
  const replay = review.getByRole('region', { name: 'Replay with other settings' });
  await replay.getByRole('button', { name: 'Replay', exact: true }).click();
  const turns = replay.getByRole('table', { name: 'Turns, replayed and recorded' });
  await expect(turns.getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
  const firstDecision = async () => (await turns.getByRole('row').nth(1).getByRole('cell').nth(2).textContent()) ?? '';
  const before = await firstDecision();
  await replay.getByLabel('Min delay', { exact: true }).fill('2500');
  await replay.getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(turns.getByRole('row').nth(1).getByRole('cell').nth(2)).toContainText('+2500 ms', { timeout: 30_000 });
  expect(await firstDecision()).not.toBe(before);
  await expect(replay.getByRole('table', { name: 'Replay totals' })).toContainText('Replayed');
  const results = testInfo.outputPath('replay-results-1280x720.png');
  await replay.getByRole('table', { name: 'Replay totals' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: results });
  await testInfo.attach('replay results 1280x720', { path: results, contentType: 'image/png' });

  // "Use these settings" opens the builder, which writes them into the draft's session settings
  // as one undo step: the Session tab shows the new Min delay, one Ctrl+Z brings the old one back.
  const callUrl = page.url();
  const sessionMinDelay = () => page.getByRole('tabpanel').getByLabel('Min delay', { exact: true });
  await replay.getByRole('button', { name: 'Use these settings' }).click();
  await expect(page).toHaveURL(new RegExp(`/flows/${id}$`));
  await expect(page.getByRole('status', { name: 'Applied turn settings' })).toContainText(
    'endpointing.minDelay = 2500',
  );
  await expect(sessionMinDelay()).toHaveValue('2500');
  await expect
    .poll(async () => {
      const flow = (await (await request.get(`/api/flows/${id}`)).json()) as {
        flow: { draft: { settings: { turnHandling?: { endpointing?: { minDelay?: number } } } } };
      };
      return flow.flow.draft.settings.turnHandling?.endpointing?.minDelay;
    })
    .toBe(2500);
  const applied = testInfo.outputPath('applied-settings-1280x720.png');
  await page.screenshot({ path: applied });
  await testInfo.attach('settings applied in the builder 1280x720', { path: applied, contentType: 'image/png' });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(sessionMinDelay()).not.toHaveValue('2500');
  await expect
    .poll(async () => {
      const flow = (await (await request.get(`/api/flows/${id}`)).json()) as {
        flow: { draft: { settings: { turnHandling?: { endpointing?: { minDelay?: number } } } } };
      };
      return flow.flow.draft.settings.turnHandling?.endpointing?.minDelay;
    })
    .toBeUndefined();
  await page.goto(callUrl);
  await expect(review.getByRole('img', { name: 'Caller waveform' })).toBeVisible({ timeout: 20_000 });

  // The Calls page replays a set of one flow's recorded calls: tick them, raise minDelay, replay.
  await page.goto(`/calls?flowId=${id}`);
  const rows = page.getByTestId('calls-row');
  await expect(rows.first()).toBeVisible();
  await rows.first().getByRole('checkbox').check();
  const set = page.getByRole('region', { name: 'Replay the selected calls' });
  await set.getByLabel('Min delay', { exact: true }).fill('2500');
  await set.getByRole('button', { name: 'Replay the set' }).click();
  const setTotals = set.getByRole('table', { name: 'Set totals' });
  await expect(setTotals).toBeVisible({ timeout: 60_000 });
  await expect(set.getByRole('table', { name: 'Calls, replayed and recorded' }).getByRole('row')).toHaveCount(2);
  const replayedMedian = await setTotals
    .getByRole('row', { name: /^Replayed/ })
    .locator('td')
    .nth(1)
    .textContent();
  const recordedMedian = await setTotals
    .getByRole('row', { name: /^In the call/ })
    .locator('td')
    .nth(1)
    .textContent();
  expect(Number.parseInt(replayedMedian ?? '', 10)).toBeGreaterThan(Number.parseInt(recordedMedian ?? '', 10));
  await page.setViewportSize({ width: 1440, height: 900 });
  await set.scrollIntoViewIfNeeded();
  const setShot = testInfo.outputPath('replay-set-1440x900.png');
  await page.screenshot({ path: setShot });
  await testInfo.attach('set replay on the Calls page 1440x900', { path: setShot, contentType: 'image/png' });
  await page.goto(callUrl);
  await expect(review.getByRole('img', { name: 'Caller waveform' })).toBeVisible({ timeout: 20_000 });

  // Deleting the recording from the call's view: the section goes, the call no longer has one.
  const callId = /\/calls\/([^/#?]+)/.exec(page.url())?.[1] ?? '';
  page.once('dialog', (dialog) => void dialog.accept());
  await review.getByRole('button', { name: 'Delete recording' }).click();
  await expect(review).toBeHidden();
  const call = (await (await request.get(`/api/calls/${callId}`)).json()) as { call: { recorded: boolean } };
  expect(call.call.recorded).toBe(false);
  expect((await request.get(`/api/calls/${callId}/recording/caller.pcm`)).status()).toBe(404);

  // The workspace's retention is set in Settings.
  await page.goto('/settings');
  const retention = page.getByRole('region', { name: 'Call recordings' });
  await retention.getByLabel('Keep recordings for (days)').fill('7');
  await retention.getByRole('button', { name: 'Save' }).click();
  await expect(retention.getByRole('status')).toHaveText('Saved.');
  expect(
    ((await (await request.get('/api/workspace/recordings')).json()) as { retentionDays: number }).retentionDays,
  ).toBe(7);
});
