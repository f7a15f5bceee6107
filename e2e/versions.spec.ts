import { templates } from '../packages/engine/src/templates';
import { createFlow } from './support/api';
import { builder } from './support/builder-page';
import { expect, test } from './support/fixtures';

const receptionist = templates.find((t) => t.id === 'receptionist')?.spec;

test('publish, refuse an invalid publish, diff, roll back, view and restore versions', async ({
  page,
  request,
  allowConsoleError,
}, testInfo) => {
  allowConsoleError(/status of 422/);
  const id = await createFlow(request, { ...receptionist, name: 'Versioned' });
  await page.goto(`/flows/${id}`);
  const b = builder(page);
  await expect(b.nodes).toHaveCount(3);

  await b.tab('Versions').click();
  await page.getByLabel('Publish note').fill('First release');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('version-1')).toContainText('Live');
  await expect(page.getByTestId('version-1')).toContainText('First release');

  // Break the flow: publish is refused with the problems listed.
  await b.node('support').click();
  await page.getByLabel('Instructions').fill('Help {{nobody}}.');
  await b.tab('Versions').click();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('list', { name: 'Problems blocking publish' })).toContainText('{{nobody}}');
  await expect(page.getByTestId('version-2')).toHaveCount(0);

  // Fix it and change a setting, then publish version 2.
  await b.node('support').click();
  await page.getByLabel('Instructions').fill('Help callers with broken things.');
  await b.tab('Session').click();
  await page.getByLabel('Max tool steps').fill('5');
  await b.tab('Versions').click();
  await page.getByLabel('Publish note').fill('Tuned');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('version-2')).toContainText('Live');
  await expect(page.getByTestId('version-1')).not.toContainText('Live');

  await page.getByLabel('From', { exact: true }).selectOption({ label: 'Version 1' });
  await page.getByLabel('To', { exact: true }).selectOption({ label: 'Version 2' });
  await page.getByRole('button', { name: 'Compare' }).click();
  const diff = page.getByTestId('version-diff');
  await expect(diff).toContainText('changed Support: instructions');
  await expect(diff).toContainText('changed turnHandling.maxToolSteps');
  await page.screenshot({ path: testInfo.outputPath('versions-diff.png') });

  // Roll back: version 1 is live again.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('version-1').getByRole('button', { name: 'Make live' }).click();
  await expect(page.getByTestId('version-1')).toContainText('Live');
  await expect(page.getByTestId('version-2')).not.toContainText('Live');

  // Restore version 1 into the draft.
  page.once('dialog', (dialog) => void dialog.accept());
  // The restored draft replaces the canvas when the answer arrives: select a node only after that.
  const restored = page.waitForResponse((response) => response.url().endsWith('/restore') && response.ok());
  await page.getByTestId('version-1').getByRole('button', { name: 'Restore to draft' }).click();
  await restored;
  await b.node('support').click();
  await expect(page.getByLabel('Instructions')).toHaveValue(/not working/);

  // Open version 2 read-only.
  await b.tab('Versions').click();
  await page.getByTestId('version-2').getByRole('link', { name: 'View' }).click();
  await expect(page.getByText('Read only')).toBeVisible();
  await expect(b.nodes).toHaveCount(3);
  await b.node('support').click();
  await expect(page.locator('.readonly-text')).toHaveText('Help callers with broken things.');
  await page.screenshot({ path: testInfo.outputPath('version-read-only.png') });
});
