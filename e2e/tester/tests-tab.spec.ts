import { templates } from '../../packages/engine/src/templates';
import { createFlow } from '../support/api';
import { builder } from '../support/builder-page';
import { expect, test } from './support/fixtures';

const receptionist = templates.find((t) => t.id === 'receptionist')?.spec;

test('Tests tab: runs the voice scenarios, and a failing one points at its turn and the agent on the canvas', async ({
  page,
  request,
  allowConsoleError,
}, testInfo) => {
  test.setTimeout(180_000);
  // The template's voice scenarios and simulation, plus a scenario whose 900 ms thinking pause the
  // default fixed 500 ms endpointing cuts short.
  const spec = structuredClone(receptionist) as NonNullable<typeof receptionist>;
  spec.scenarios = [
    ...(spec.scenarios ?? []).filter((s) => s.mode === 'voice'),
    {
      id: 'thinking-pause',
      name: 'Spoken: a caller who stops to think is not cut off',
      mode: 'voice',
      turns: [{ user: 'I have a question [pause 900ms] about my bill', expect: [] }],
    },
  ];
  const id = await createFlow(request, { ...spec, name: 'Tests tab flow' });
  await page.goto(`/flows/${id}`);
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  const tester = page.getByRole('complementary', { name: 'Tester' });
  await tester.getByRole('tab', { name: 'Tests' }).click();
  await expect(tester.getByRole('status')).toHaveText('5 test(s); none run yet.');

  await tester.getByRole('button', { name: 'Run all tests' }).click();
  // Progress per test: they run in order, each verdict showing as it ends while the rest wait.
  await expect(tester.getByRole('status')).toContainText('Running 5 test(s): 0 done');
  await expect(tester.getByTestId('test-voice-billing')).toContainText('running');
  await expect(tester.getByTestId('test-billing-caller')).toContainText('queued');
  await expect(tester.getByTestId('test-voice-billing')).toContainText('passed', { timeout: 60_000 });
  await expect(tester.getByRole('status')).toContainText(/Running 5 test\(s\): [1-4] done/);
  await expect(tester.getByTestId('test-billing-caller')).toContainText(/queued|running/);
  await expect(tester.getByRole('status')).toHaveText('1 of 5 test(s) failed.', { timeout: 120_000 });
  await expect(tester.getByTestId('test-voice-barge-in')).toContainText('passed');
  await expect(tester.getByTestId('test-billing-caller')).toContainText('3/3 runs passed · scripted caller');

  const failing = tester.getByTestId('test-thinking-pause');
  const failure = failing.getByRole('button', {
    name: /^Failed at turn 1 \(reception\): no cut off: the agent took the turn \d+ ms into a 900 ms pause/,
  });
  await expect(failure).toBeVisible();
  await failure.click();
  // The turn opens and takes focus, its timing strip shows the decision inside the pause...
  const turn = failing.locator('#test-thinking-pause-turn-1');
  await expect(turn).toBeFocused();
  await expect(turn).toHaveClass(/failed/);
  await expect(turn.getByRole('img', { name: /Turn timing: .*1 marked pause\(s\).*1 inside a pause/ })).toBeVisible();
  // ...and the canvas marks the agent that answered it.
  await expect(builder(page).node('reception')).toHaveClass(/call-active/);

  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await turn.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`tests-tab-${width}x${height}.png`) });
  }

  // One test runs alone: the simulation, its runs listed under it.
  const simulation = tester.getByTestId('test-billing-caller');
  await simulation.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(simulation).toContainText('running');
  await expect(tester.getByRole('status')).toHaveText('1 of 5 test(s) failed.', { timeout: 60_000 });
  await simulation.getByRole('button', { name: 'A caller with an invoice question gets it looked up' }).click();
  await expect(simulation.getByRole('list', { name: /^Runs of / }).locator(':scope > li')).toHaveCount(3);
  await expect(simulation).toContainText('handoff — handed off to billing');
  await page.screenshot({ path: testInfo.outputPath('tests-tab-simulation.png') });

  // The full run is stored on the version it ran on; publishing can require every test to pass.
  await tester.getByRole('checkbox', { name: 'Publishing requires' }).check();
  await expect(tester.getByRole('spinbutton', { name: 'Required pass rate (%)' })).toHaveValue('100');
  // The inspector folds while the tester is open; pinned, its Versions tab shows.
  await page.getByRole('checkbox', { name: 'Pin inspector' }).check();
  await builder(page).tab('Versions').click();
  await expect(page.getByTestId('version-1')).toContainText('tests 4/5');
  // The refusal is an HTTP 409 the browser logs; the page shows its message.
  allowConsoleError(/status of 409/);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('the latest run on this draft passed 4 of 5 (80%)')).toBeVisible();
  await expect(page.locator('.badge.live')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('tests-tab-publish-refused.png') });
});
